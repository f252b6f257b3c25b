export type TapRole = 'button' | 'switch' | 'checkbox' | 'radio' | 'link';

/**
 * Accessibility props for a tappable View or Text. h5 needs a real ARIA role and tabindex (screen
 * readers, keyboards, axe); WeChat reads its own `aria-role`, which is an invalid attribute in a browser.
 */
export function tapRole(role: TapRole = 'button', state: { checked?: boolean; label?: string } = {}): Record<string, string | number> {
  const props: Record<string, string | number> = process.env.TARO_ENV === 'weapp' ? { 'aria-role': role } : { role, tabIndex: 0 };
  if (state.checked !== undefined) props['aria-checked'] = String(state.checked);
  if (state.label) props['aria-label'] = state.label;
  return props;
}
