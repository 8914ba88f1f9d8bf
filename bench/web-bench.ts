/**
 * The web rows of `npm run bench` (DESIGN.md §11): the gzip size of the JavaScript the applicant
 * form page loads, and the time per keystroke in a 300-field form — Banshi's BanshiForm and a
 * plain react-jsonschema-form page of the same schema, side by side in the same Chromium.
 * Both builds go to a temporary folder (web/dist is left alone for a running `npm start` or test).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { CHROMIUM, launchBrowser } from '@banshi/e2e/support/browser';
import { fmt, type Row } from './lib/print-table.js';
import { measurePageJs } from './lib/web-page-js.js';
import { measureKeystrokes, summarize, type KeystrokeTimes } from './lib/web-keystrokes.js';
import { serveStatic, type StaticServer } from './lib/web-static-server.js';

const JS_BAR_KB = 300;
const KEYSTROKE_BAR_MS = 50;
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 60);
/** A text field in the middle of makeLargeForm(300): f153 is `名称153` (i % 9 === 0, a plain string). */
const MIDDLE_FIELD = '#root_f153';

const WEB = fileURLToPath(new URL('../web/', import.meta.url));
const kb = (bytes: number) => bytes / 1024;

const rowsWithout = (why: string): Row[] => [
  { metric: '5a apply page JS loaded, gzip -9', measured: why, reference: `≤ ${JS_BAR_KB} KB` },
  { metric: `5b keystroke, BanshiForm 300 fields p50 / p95`, measured: why, reference: `p95 ≤ ${KEYSTROKE_BAR_MS} ms` },
  { metric: `5c keystroke, plain rjsf 300 fields p50 / p95`, measured: why, reference: 'baseline' },
];

async function buildWeb(outDir: string, benchDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  await build({ configFile: join(WEB, 'vite.bench.config.ts'), logLevel: 'warn', build: { outDir: benchDir, emptyOutDir: true } });
}

/**
 * Builds the web app and the bench pages, then measures in one Chromium. Returns the rows; notes
 * (top chunks, method) go to `note`. Without Chromium the rows say "not measured (no chromium)".
 */
export async function runWebBench(log: (message: string) => void, note: (message: string) => void = log): Promise<Row[]> {
  if (!existsSync(CHROMIUM)) {
    note(`web rows not measured: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
    return rowsWithout('not measured (no chromium)');
  }
  const started = performance.now();
  const tmp = await mkdtemp(join(tmpdir(), 'banshi-web-bench-'));
  const servers: StaticServer[] = [];
  let browser: Browser | undefined;
  try {
    log('web: building the app and the bench pages (vite)');
    const appDir = join(tmp, 'app');
    const benchDir = join(tmp, 'bench');
    await buildWeb(appDir, benchDir);
    const app = await serveStatic(appDir);
    servers.push(app);
    const pages = await serveStatic(benchDir);
    servers.push(pages);
    browser = await launchBrowser();

    log('web: loading /items/senior-card/apply and summing its JavaScript');
    const js = await measurePageJs(browser, app.url);
    const jsKb = kb(js.gzipBytes);
    const rows: Row[] = [
      {
        metric: `5a apply page JS loaded, gzip -9 (${js.scripts.length} files)`,
        measured: `${fmt(jsKb)} KB (raw ${fmt(kb(js.bytes), 0)} KB)`,
        reference: `≤ ${JS_BAR_KB} KB`,
        ratio: `${fmt((jsKb / JS_BAR_KB) * 100, 0)}%`,
        meets: jsKb <= JS_BAR_KB,
      },
    ];
    note(`5a top chunks (gzip): ${js.scripts.slice(0, 3).map((s) => `${s.name} ${fmt(kb(s.gzipBytes))} KB`).join(', ')}`);
    if (js.later.length > 0) note(`5a after the form was visible the page also fetched: ${js.later.map((s) => `${s.name} ${fmt(kb(s.gzipBytes))} KB`).join(', ')} (not counted)`);
    if (js.unknownApi.length > 0) note(`5a API calls without a canned answer (404): ${js.unknownApi.join(', ')}`);

    // Alternate the two pages (plain, Banshi, plain, Banshi) so drift touches both alike.
    log(`web: typing ${KEYSTROKES} keys into a 300-field form, BanshiForm and plain rjsf`);
    const half = Math.ceil(KEYSTROKES / 2);
    const runs: Record<'banshi' | 'plain', KeystrokeTimes[]> = { banshi: [], plain: [] };
    for (const round of [0, 1]) {
      const n = round === 0 ? half : KEYSTROKES - half;
      runs.plain.push(await measureKeystrokes(browser, `${pages.url}/bench/plain-rjsf.html`, MIDDLE_FIELD, n));
      runs.banshi.push(await measureKeystrokes(browser, `${pages.url}/bench/form-bench.html`, MIDDLE_FIELD, n));
    }
    const joined = (which: 'banshi' | 'plain') => ({
      eventTiming: runs[which].flatMap((r) => r.eventTiming),
      frames: runs[which].flatMap((r) => r.frames),
    });
    const banshi = joined('banshi');
    const plain = joined('plain');
    // Event Timing when it saw (nearly) every keystroke of both pages; the frame method otherwise, on both.
    const coverage = (t: KeystrokeTimes) => summarize(t.eventTiming).missing / t.eventTiming.length;
    const useEventTiming = coverage(banshi) <= 0.1 && coverage(plain) <= 0.1;
    const pick = (t: KeystrokeTimes) => (useEventTiming ? summarize(t.eventTiming) : summarize(t.frames));
    const b = pick(banshi);
    const p = pick(plain);
    const method = useEventTiming ? 'Event Timing' : 'frame method';
    rows.push({
      metric: `5b keystroke, BanshiForm 300 fields p50 / p95 (n=${KEYSTROKES})`,
      measured: `${fmt(b.p50)} / ${fmt(b.p95)} ms`,
      reference: `p95 ≤ ${KEYSTROKE_BAR_MS} ms`,
      ratio: `×${fmt(b.p95 / KEYSTROKE_BAR_MS, 2)}`,
      meets: b.p95 <= KEYSTROKE_BAR_MS,
    });
    rows.push({
      metric: `5c keystroke, plain rjsf 300 fields p50 / p95 (n=${KEYSTROKES})`,
      measured: `${fmt(p.p50)} / ${fmt(p.p95)} ms`,
      reference: 'baseline (same run)',
      ratio: `Banshi p95 ×${fmt(b.p95 / p.p95, 2)}`,
    });
    const both = (t: KeystrokeTimes) => {
      const et = summarize(t.eventTiming);
      const fr = summarize(t.frames);
      return `Event Timing ${fmt(et.p50)} / ${fmt(et.p95)} ms (${t.eventTiming.length - et.missing} of ${t.eventTiming.length} ≥ 16 ms), frame method ${fmt(fr.p50)} / ${fmt(fr.p95)} ms`;
    };
    note(`5b/5c judged by ${method}; BanshiForm: ${both(banshi)}; plain rjsf: ${both(plain)}`);
    log(`web: done in ${fmt((performance.now() - started) / 1000)} s`);
    return rows;
  } finally {
    await browser?.close().catch(() => undefined);
    await Promise.all(servers.map((s) => s.close()));
    await rm(tmp, { recursive: true, force: true });
  }
}
