import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cjkFontWarning, findCjkFont } from '../../src/local/cjk-font.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'banshi-fonts-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the CJK font check of npm start', () => {
  it('warns in one line, zh-CN then English, with the package to install when fontconfig knows no Chinese font', async () => {
    // The real fc-list, on a fontconfig setup whose only font folder is empty.
    const fonts = join(dir, 'fonts');
    await writeFile(join(dir, 'fonts.conf'), `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>${fonts}</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>`);

    const check = await findCjkFont({ ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf') });
    const warning = cjkFontWarning(check);

    expect(check).toEqual({ found: false, reason: 'no-font' });
    expect(warning).toMatch(/^注意：本机没有中文字体.*apt-get install fonts-noto-cjk \/ Warning: no CJK font.*apt-get install fonts-noto-cjk$/);
    expect(warning).not.toContain('\n');
  });

  it('says it cannot check, and still names the package, when fc-list is missing', async () => {
    const check = await findCjkFont({ ...process.env, PATH: join(dir, 'nowhere') });

    expect(check).toEqual({ found: false, reason: 'no-fc-list' });
    expect(cjkFontWarning(check)).toMatch(/fc-list.*fonts-noto-cjk.*fc-list not found.*fonts-noto-cjk/);
  });

  it('says nothing when a Chinese font is there', () => {
    expect(cjkFontWarning({ found: true, family: 'Noto Sans CJK SC' })).toBeUndefined();
  });
});
