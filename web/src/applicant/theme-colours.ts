/**
 * Colours the app sets on top of antd's theme, one place for every page: the focus ring and the
 * tint of success banners.
 */

/**
 * The focus ring of links, buttons and form controls: blue, not the brand red antd derives it from
 * (red means an error on these pages); 7:1 against white (WCAG 2.4.7 / 1.4.11 ask for 3:1).
 */
export const FOCUS = '#0050b3';

/**
 * Success reads as success: antd derives a banner's tint from the seed green, and the app's dark
 * seed (#237804, for AA text) gives a grey-green (#adb8a5) that looks disabled. The tint and border
 * are antd's own light greens; icons and text keep the dark seed.
 */
export const SUCCESS_TOKENS = { colorSuccessBg: '#f6ffed', colorSuccessBgHover: '#d9f7be', colorSuccessBorder: '#95de64', colorSuccessBorderHover: '#73d13d' } as const;
