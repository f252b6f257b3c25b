import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { contrastRatio } from './contrast';
import { ELDER_MINIMUMS, FONT_SCALE, TAP_MIN_CSS_PX, suggestsElderMode, themeClassName } from './scale';

const tokens = readFileSync(path.join(__dirname, 'tokens.scss'), 'utf8');

/** The variables declared in one rule block of tokens.scss. */
function block(selector: string): Record<string, string> {
  const start = tokens.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no ${selector} block in tokens.scss`);
  const body = tokens.slice(start, tokens.indexOf('\n}', start));
  return Object.fromEntries([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

const normal = block(':root');
const elder = { ...normal, ...block('.theme-root.theme-elder') };

describe('theme scale', () => {
  it('marks a page root as elder only in elder mode', () => {
    expect(themeClassName(false)).toBe('theme-root');
    expect(themeClassName(true)).toBe('theme-root theme-elder');
  });

  it('keeps the TypeScript scale in step with --fs-scale and --tap-min in tokens.scss', () => {
    expect(Number(normal['--fs-scale'])).toBe(FONT_SCALE.normal);
    expect(Number(elder['--fs-scale'])).toBe(FONT_SCALE.elder);
    // 750-px design units: two per CSS px.
    expect(parseInt(normal['--tap-min'], 10) / 2).toBe(TAP_MIN_CSS_PX.normal);
    expect(parseInt(elder['--tap-min'], 10) / 2).toBe(TAP_MIN_CSS_PX.elder);
  });

  it('writes every font size as a multiple of --fs-scale, so elder mode reaches all of them', () => {
    const sizes = Object.entries(normal).filter(([name]) => name.startsWith('--fs-') && name !== '--fs-scale');
    expect(sizes.length).toBeGreaterThanOrEqual(5);
    for (const [, value] of sizes) expect(value).toMatch(/^calc\(\d+px \* var\(--fs-scale\)\)$/);
    expect(normal['--nutui-font-size-base']).toBe('var(--fs-m)');
  });

  it('keeps every elder-mode text step at 18 px or more, titles at 30 px and lines at 1.3', () => {
    // 750-px design units: two per CSS px.
    const cssPx = (name: string) => (parseInt(/calc\((\d+)px/.exec(elder[name])![1], 10) / 2) * FONT_SCALE.elder;
    for (const step of ['--fs-xs', '--fs-s', '--fs-m', '--fs-l', '--fs-xl', '--fs-xxl']) {
      expect({ step, px: cssPx(step) >= ELDER_MINIMUMS.bodyFontPx }).toEqual({ step, px: true });
    }
    expect(cssPx('--fs-xl')).toBeGreaterThanOrEqual(ELDER_MINIMUMS.headingFontPx);
    expect(Number(elder['--line-height'])).toBeGreaterThanOrEqual(ELDER_MINIMUMS.lineHeight);
    expect(TAP_MIN_CSS_PX.elder).toBeGreaterThanOrEqual(ELDER_MINIMUMS.targetPx);
  });

  it('gives every elder-mode text colour at least 7:1 contrast (WCAG AAA)', () => {
    const pairs: Array<[string, string]> = [
      ['--color-text', '--color-bg'],
      ['--color-text', '--color-surface'],
      ['--color-text-secondary', '--color-surface'],
      ['--color-text-secondary', '--color-bg'],
      ['--color-on-primary', '--color-primary'],
      ['--color-primary', '--color-surface'],
      ['--color-danger', '--color-surface'],
      ['--color-on-primary', '--color-success'],
      ['--color-on-primary', '--color-warning'],
    ];
    for (const [fg, bg] of pairs) {
      expect({ pair: `${fg} on ${bg}`, ratio: contrastRatio(elder[fg], elder[bg]) >= 7 }).toEqual({ pair: `${fg} on ${bg}`, ratio: true });
    }
  });

  it('keeps normal-mode text at 4.5:1 or better (WCAG AA), including white on Party red', () => {
    expect(normal['--color-primary']).toBe('#c8102e');
    for (const [fg, bg] of [
      ['--color-text', '--color-bg'],
      ['--color-text-secondary', '--color-bg'],
      ['--color-on-primary', '--color-primary'],
      ['--color-on-primary', '--color-success'],
      ['--color-on-primary', '--color-warning'],
    ]) {
      expect(contrastRatio(normal[fg], normal[bg])).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('offers elder mode to people who already enlarged WeChat fonts', () => {
    expect(suggestsElderMode(null)).toBe(false);
    expect(suggestsElderMode({ fontSizeSetting: 17 })).toBe(false);
    expect(suggestsElderMode({ fontSizeSetting: 23.8 })).toBe(true); // 关怀模式
    expect(suggestsElderMode({ fontSizeSetting: 17, fontSizeScaleFactor: 1.4 })).toBe(true);
    expect(suggestsElderMode({ fontSizeScaleFactor: 1.1 })).toBe(false);
  });
});

describe('contrastRatio', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
