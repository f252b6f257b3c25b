/** Multipliers behind --fs-scale in tokens.scss; keep the two in step. */
export const FONT_SCALE = { normal: 1, elder: 1.3 } as const;

/** Minimum tap target in CSS px behind --tap-min (44 is the WCAG/HIG floor; elders get 60). */
export const TAP_MIN_CSS_PX = { normal: 44, elder: 60 } as const;

/** MIIT 适老化 minimums for the elder version, in CSS px at 375 px width (e2e/elder checks the built pages). */
export const ELDER_MINIMUMS = { bodyFontPx: 18, headingFontPx: 30, lineHeight: 1.3, targetPx: 60 } as const;

/** Class list for a page root: the tokens switch on `.theme-elder`, nothing else changes. */
export function themeClassName(elderMode: boolean): string {
  return elderMode ? 'theme-root theme-elder' : 'theme-root';
}

export interface WechatFontInfo {
  /** WeChat's base font size in px: 17 by default, about 23.8 in 关怀模式. */
  fontSizeSetting?: number;
  /** Ratio to the default size, when the client reports it. */
  fontSizeScaleFactor?: number;
}

/**
 * Someone who already enlarged WeChat's own fonts (关怀模式 or the font slider) very likely wants
 * elder mode here too, so we offer it rather than waiting for them to find the switch.
 */
export function suggestsElderMode(info: WechatFontInfo | null | undefined): boolean {
  if (!info) return false;
  if (typeof info.fontSizeScaleFactor === 'number' && info.fontSizeScaleFactor >= 1.2) return true;
  return typeof info.fontSizeSetting === 'number' && info.fontSizeSetting >= 20;
}
