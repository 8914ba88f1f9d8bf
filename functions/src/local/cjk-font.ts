/**
 * `npm start` checks that the machine has a font for Chinese: without one, the browser draws every
 * Chinese character as an empty box, and the portal is unreadable. fontconfig answers which fonts
 * cover a language (`fc-list :lang=zh`); where fontconfig is not installed, nothing can be checked.
 */
import { execFile } from 'node:child_process';

export type CjkFontCheck = { found: true; family: string } | { found: false; reason: 'no-font' | 'no-fc-list' };

/** The package that gives Linux machines their Chinese fonts (Debian and Ubuntu). */
export const CJK_FONT_PACKAGE = 'fonts-noto-cjk';

/**
 * Asks fontconfig for a font covering Chinese. Resolves `found: false` with `no-fc-list` when
 * fc-list cannot be run (not installed, or it fails), never rejects.
 */
export function findCjkFont(env: NodeJS.ProcessEnv = process.env): Promise<CjkFontCheck> {
  return new Promise((resolve) => {
    execFile('fc-list', [':lang=zh', 'family'], { env, timeout: 15_000 }, (error, stdout) => {
      if (error) {
        resolve({ found: false, reason: 'no-fc-list' });
        return;
      }
      const family = stdout.split('\n').map((line) => line.trim()).find(Boolean);
      resolve(family ? { found: true, family } : { found: false, reason: 'no-font' });
    });
  });
}

/** The one line `npm start` prints when no Chinese font was found (zh-CN, then English), else undefined. */
export function cjkFontWarning(check: CjkFontCheck): string | undefined {
  if (check.found) return undefined;
  const install = `apt-get install ${CJK_FONT_PACKAGE}`;
  return check.reason === 'no-font'
    ? `注意：本机没有中文字体，浏览器中的中文会显示为方框，请安装：${install} / Warning: no CJK font on this machine, Chinese text will show as boxes; install one: ${install}`
    : `注意：找不到 fc-list，无法检查中文字体；如中文显示为方框，请安装：${install} / Warning: fc-list not found, cannot check for a CJK font; if Chinese text shows as boxes: ${install}`;
}
