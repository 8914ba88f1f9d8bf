/**
 * Time per keystroke in a form page: focuses a text field, presses keys one at a time (the next
 * after the previous one's frame, as a person types) and measures each keystroke two ways:
 *
 * - Event Timing (Chromium's PerformanceObserver type 'event'): the entries of one interaction
 *   (keydown, keypress, input, keyup share an interactionId); its duration = from the key event
 *   to the next paint after the handlers (React's commit) ran, in 8 ms steps; only entries of
 *   ≥ 16 ms are reported (the API's minimum threshold).
 * - Frame method: performance.now() at keydown (capture) to a message posted from the first
 *   requestAnimationFrame after the input event, i.e. just after that frame was produced.
 */
import type { Browser } from 'playwright-core';
import { percentile } from './measure.js';

export interface KeystrokeTimes {
  /** Event Timing duration per keystroke (ms); NaN where no entry reached the 16 ms threshold. */
  eventTiming: number[];
  /** Frame method per keystroke (ms). */
  frames: number[];
}

interface BenchWindow {
  benchReady?: boolean;
  __keys: { frames: number[]; events: { interactionId: number; duration: number; name: string }[]; t0: number };
  __keysWait(n: number): Promise<void>;
}

/**
 * Installed before the page's own scripts. Plain JavaScript in a string: tsx would wrap named
 * functions of a serialized TypeScript function in a helper the page does not have.
 */
const INSTRUMENT = `
(() => {
  const keys = { frames: [], events: [], t0: 0 };
  window.__keys = keys;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) keys.events.push({ interactionId: e.interactionId || 0, duration: e.duration, name: e.name });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch (_) { /* no Event Timing: the frame method alone */ }
  document.addEventListener('keydown', () => { keys.t0 = performance.now(); }, true);
  document.addEventListener('input', () => {
    const t0 = keys.t0;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => keys.frames.push(performance.now() - t0);
      channel.port2.postMessage(0);
    });
  }, true);
  // Resolves once n keystrokes have their frame, two frames and 20 ms later (trailing work done).
  window.__keysWait = (n) => new Promise((resolve) => {
    const check = () => (keys.frames.length >= n ? requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 20))) : setTimeout(check, 2));
    check();
  });
})();
`;

/**
 * Opens `url`, waits for `window.benchReady`, clicks the field `selector` and types `warmup`
 * then `count` letters, one keystroke at a time.
 */
export async function measureKeystrokes(browser: Browser, url: string, selector: string, count: number, warmup = 5): Promise<KeystrokeTimes> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  try {
    await context.addInitScript({ content: INSTRUMENT });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as BenchWindow).benchReady === true, undefined, { timeout: 60_000 });
    const field = page.locator(selector);
    await field.scrollIntoViewIfNeeded();
    await field.click();
    await page.keyboard.press('End');
    const waitFor = (n: number) => page.evaluate((k) => (window as unknown as BenchWindow).__keysWait(k), n);
    const typeOne = async (key: string, n: number) => {
      await page.keyboard.press(key);
      await waitFor(n); // this keystroke's frame, then trailing work, before the next key
    };
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    let typed = 0;
    for (let i = 0; i < warmup; i += 1) await typeOne(letters[i % 26], ++typed);
    const before = await page.evaluate(() => {
      const k = (window as unknown as BenchWindow).__keys;
      return { frames: k.frames.length, events: k.events.length };
    });
    for (let i = 0; i < count; i += 1) await typeOne(letters[(warmup + i) % 26], ++typed);
    await page.waitForTimeout(100); // let the last Event Timing entries arrive
    const value = await field.inputValue();
    const tail = Array.from({ length: 5 }, (_, i) => letters[(typed - 5 + i) % 26]).join('');
    if (!value.endsWith(tail)) throw new Error(`typing did not reach ${selector}: its value is ${JSON.stringify(value)}`);
    const result = await page.evaluate((skip) => {
      const k = (window as unknown as BenchWindow).__keys;
      const events = k.events.slice(skip);
      // Interactions in order of first appearance (keydown, keypress, keyup share one); per interaction the longest entry.
      const byInteraction = new Map<number, number>();
      for (const e of events) if (e.interactionId > 0) byInteraction.set(e.interactionId, Math.max(byInteraction.get(e.interactionId) ?? 0, e.duration));
      return { frames: k.frames, interactions: [...byInteraction.values()] };
    }, before.events);
    const frames = result.frames.slice(before.frames, before.frames + count);
    const eventTiming = Array.from({ length: count }, (_, i) => result.interactions[i] ?? Number.NaN);
    return { eventTiming, frames };
  } finally {
    await context.close();
  }
}

/** p50 / p95 of the measured values; for Event Timing, keystrokes without an entry count as `floor` (below the threshold). */
export function summarize(values: readonly number[], floor = 16): { p50: number; p95: number; missing: number } {
  const missing = values.filter((v) => Number.isNaN(v)).length;
  const filled = values.map((v) => (Number.isNaN(v) ? floor : v));
  return { p50: percentile(filled, 0.5), p95: percentile(filled, 0.95), missing };
}
