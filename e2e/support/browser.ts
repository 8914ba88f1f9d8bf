/**
 * A real Chromium for the browser tests, driven by playwright-core. There is no fallback: when
 * Chromium is missing the test fails and says how to install it (.ci/run installs it).
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = new URL('../../.screenshots/', import.meta.url);

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`找不到 Chromium（${CHROMIUM}）：请安装 \`apt-get install chromium\` / Chromium not found at ${CHROMIUM}: apt-get install chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** A fresh browser context (its own storage) at a viewport, in zh-CN and China time (as the portal's users have it). */
export async function newContext(browser: Browser, viewport = DESKTOP): Promise<BrowserContext> {
  return browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...(viewport === PHONE ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
}

/** Saves a screenshot into the gitignored .screenshots/ folder. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage: true });
}

/**
 * Waits until every finite animation and transition of the page has finished (dialogs fade and
 * zoom in; spinners, which run forever, are not waited for): axe measures colour contrast, and
 * text still half transparent would fail it.
 */
export async function settleAnimations(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
    undefined,
    { timeout: 10_000 },
  );
}
