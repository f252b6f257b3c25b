/** Set on <html> in elder mode: Taro's h5 navigation and tab bars sit outside every page root. */
export const ELDER_CHROME_CLASS = 'theme-elder-chrome';

/**
 * Brings the parts of the h5 screen that Taro draws outside our pages into line with the theme.
 * weapp draws those bars natively (WeChat's own 关怀模式 enlarges them), so there is nothing to do there.
 */
export function syncH5Chrome(elderMode: boolean, doc: Document | undefined = typeof document === 'undefined' ? undefined : document): void {
  if (process.env.TARO_ENV !== 'h5' || !doc) return;
  doc.documentElement.classList.toggle(ELDER_CHROME_CLASS, elderMode);
  // Taro's page container is the scrolling element; keyboard users can only scroll what can take focus.
  doc.querySelectorAll('.taro_page:not([tabindex])').forEach((page) => page.setAttribute('tabindex', '0'));
}
