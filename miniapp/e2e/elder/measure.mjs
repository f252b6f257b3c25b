// Runs inside the page (passed to page.evaluate): what a resident sees, measured in CSS px.
// Only rendered elements count: Taro's h5 router keeps earlier pages in the DOM with display:none.

export function measureScreen() {
  const shown = (el) => {
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const describe = (el) => {
    const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/).slice(0, 2).join('.') : '';
    const text = (el.innerText || el.getAttribute('aria-label') || el.getAttribute('placeholder') || '').trim().replace(/\s+/g, ' ');
    return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''} "${text.slice(0, 24)}"`;
  };

  // Text: every non-blank text node, at its parent's computed size and line height.
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || !node.textContent.trim() || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName) || !shown(el)) continue;
    const style = getComputedStyle(el);
    const fontPx = parseFloat(style.fontSize);
    // 'normal' depends on the font (about 1.2–1.45); count it as a failure so every text states its own.
    const lineRatio = style.lineHeight === 'normal' ? 1.2 : parseFloat(style.lineHeight) / fontPx;
    texts.push({ el: describe(el), fontPx, lineRatio: Math.round(lineRatio * 100) / 100 });
  }
  // Typed text and placeholders are read too.
  for (const input of document.querySelectorAll('input:not([type=hidden]), textarea')) {
    if (shown(input)) texts.push({ el: describe(input), fontPx: parseFloat(getComputedStyle(input).fontSize), lineRatio: 2 });
  }

  // Tap targets: native controls, ARIA widgets, Taro elements with a tap handler (Taro's h5 runtime
  // keeps them in el.__events), and the outermost element of any cursor:pointer area (tab bar, NutUI).
  const NATIVE = [
    'a[href], button, input:not([type=hidden]), select, textarea, taro-button-core',
    '[role=button], [role=link], [role=switch], [role=checkbox], [role=radio], [role=tab]',
    '.taro-navigation-bar-back, .taro-navigation-bar-home', // Taro's h5 bar listens with addEventListener
  ].join(', ');
  const TAP_EVENTS = ['click', 'tap', 'longpress', 'touchstart', 'touchend'];
  const GESTURE_EVENTS = ['touchmove', 'longpress', 'longtap'];
  const targets = [];
  const gestures = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (!shown(el)) continue;
    const style = getComputedStyle(el);
    if (style.pointerEvents === 'none') continue; // not a target: taps go to the element around it
    const events = el.__events ? Object.keys(el.__events).filter((k) => el.__events[k]) : [];
    const handler = events.some((k) => TAP_EVENTS.includes(k));
    const pointer = style.cursor === 'pointer' && getComputedStyle(el.parentElement).cursor !== 'pointer';
    if (events.some((k) => GESTURE_EVENTS.includes(k))) gestures.push(describe(el));
    if (!handler && !pointer && !el.matches(NATIVE)) continue;
    const r = el.getBoundingClientRect();
    targets.push({ el: describe(el), w: Math.round(r.width * 10) / 10, h: Math.round(r.height * 10) / 10 });
  }

  // Movement: running CSS animations/transitions, infinite animations, carousels, autoplay media.
  const moving = document
    .getAnimations()
    .filter((a) => a.playState === 'running' && a.effect?.target && shown(a.effect.target))
    .map((a) => `${a.animationName || a.transitionProperty || 'animation'} on ${describe(a.effect.target)}`);
  for (const el of document.body.querySelectorAll('taro-swiper-core, .swiper, marquee, video[autoplay], audio[autoplay]')) {
    if (shown(el)) moving.push(`auto-advancing ${describe(el)}`);
  }
  for (const el of document.body.querySelectorAll('*')) {
    if (shown(el) && getComputedStyle(el).animationName !== 'none') moving.push(`css animation on ${describe(el)}`);
  }

  // Pop-ups: Taro's h5 toast/modal/action sheet, NutUI overlays, ARIA dialogs.
  const popups = [...document.querySelectorAll('.taro__toast, .taro__modal, .taro__actionSheet, .taro-modal, .nut-popup, .nut-dialog, .nut-toast, [role=dialog], [role=alertdialog]')]
    .filter(shown)
    .map(describe);

  return { texts, targets, gestures, moving: [...new Set(moving)], popups, screenText: document.body.innerText };
}
