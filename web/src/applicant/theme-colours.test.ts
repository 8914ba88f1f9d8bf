import { theme } from 'antd';
import { describe, expect, it } from 'vitest';
import { FOCUS, SUCCESS_TOKENS } from './theme-colours.js';

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

// The app's seed colours (app.tsx): the brand and error reds, the dark success green.
const APP = { colorPrimary: '#c8161d', colorError: '#cf1322', colorSuccess: '#237804' };

describe('the colours the app sets on antd', () => {
  it('tints a success banner light green, not the grey-green antd derives from the dark seed', () => {
    const derived = theme.getDesignToken({ token: APP });
    const token = theme.getDesignToken({ token: { ...APP, ...SUCCESS_TOKENS } });
    const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(token.colorSuccessBg.slice(i, i + 2), 16));

    expect(luminance(derived.colorSuccessBg)).toBeLessThan(0.6);
    expect(luminance(token.colorSuccessBg)).toBeGreaterThan(0.9);
    expect(g).toBeGreaterThan(r!);
    expect(g).toBeGreaterThan(b!);
    // The banner's text (antd's default) stays legible on the tint.
    expect(contrast(token.colorText.startsWith('#') ? token.colorText : '#1f1f1f', token.colorSuccessBg)).toBeGreaterThanOrEqual(4.5);
  });

  it('rings focus in a colour that is not the error red and stands 3:1 against white and read-only grey', () => {
    expect(FOCUS.toLowerCase()).not.toBe(APP.colorPrimary);
    expect(FOCUS.toLowerCase()).not.toBe(APP.colorError);
    expect(contrast(FOCUS, '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(contrast(FOCUS, '#f5f5f5')).toBeGreaterThanOrEqual(3);
  });
});
