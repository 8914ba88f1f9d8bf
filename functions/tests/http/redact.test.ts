import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/http/logger.js';
import { redact, redactString } from '../../src/http/redact.js';

describe('log redaction', () => {
  it.each([
    ['a resident ID number', '申请人身份证 11010119900307457X 已提交', '11010119900307457X'],
    ['a resident ID number with a lowercase x', 'id=11010119900307457x;', '11010119900307457x'],
    ['a mobile number', '联系电话13812345678', '13812345678'],
    ['a mobile number with +86 and separators', 'call +86 138-1234-5678 now', '138-1234-5678'],
    ['a credit code', 'enterprise 91350100M000100Y43 applied', '91350100M000100Y43'],
  ])('masks %s inside a string', (_, text, secret) => {
    expect(redactString(text)).not.toContain(secret);
    expect(redactString(text)).toContain('[redacted:');
  });

  it('leaves ordinary text, dates and short numbers alone', () => {
    const text = 'case 2024-05-01 step accept took 1234 ms, version 7';

    expect(redactString(text)).toBe(text);
  });

  it('masks nested values, keys and sensitive fields in objects', () => {
    const value = {
      applicant: { name: '张三', idNumber: 'anything', contacts: ['13912345678'] },
      note: { text: 'see 110101199003074578' },
      headers: { authorization: 'Bearer abc.def.ghi' },
      '13700001111': 'as a key',
    };

    const out = JSON.stringify(redact(value));

    expect(out).not.toMatch(/13912345678|110101199003074578|abc\.def\.ghi|13700001111|anything/);
    expect(out).toContain('张三');
  });

  it('survives cycles and errors', () => {
    const cyclic: Record<string, unknown> = { phoneNote: '15012345678' };
    cyclic.self = cyclic;
    const error = new Error('bad 15012345678', { cause: cyclic });

    const out = JSON.stringify(redact({ error }));

    expect(out).toContain('[circular]');
    expect(out).not.toContain('15012345678');
  });

  it('writes JSON lines without personal data', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', sink: (line) => lines.push(line) }).child({ requestId: 'r-1' });

    log.info('submitted for 11010119900307457X', { mobile: '13812345678', data: { phone2: '13812345678' } });
    log.debug('not written');

    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({ level: 'info', requestId: 'r-1' });
    expect(lines[0]).not.toMatch(/11010119900307457X|13812345678/);
  });
});
