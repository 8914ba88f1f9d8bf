import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/http/logger.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the logger', () => {
  it('writes masked JSON lines locally', () => {
    const lines: string[] = [];
    const log = createLogger({ sink: (line) => lines.push(line), level: 'info' });

    log.info('submitted by 150102195603120014', { mobile: '13804710001', note: 'call 13804710001' });

    const entry = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'info', message: 'submitted by [redacted:id-number]', mobile: '[redacted]', note: 'call [redacted:mobile]' });
  });

  it('masks personal data before Powertools writes the entry in Lambda', () => {
    const written: string[] = [];
    for (const stream of [process.stdout, process.stderr]) {
      vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        written.push(String(chunk));
        return true;
      });
    }
    const log = createLogger({ backend: 'powertools', level: 'info' }).child({ requestId: 'r-1' });

    log.warn('applicant 150102195603120014 called from 13804710001', { idNumber: '150102195603120014', detail: { phone: '13804710001' } });

    const output = written.join('');
    expect(output).toContain('[redacted:id-number]');
    expect(output).toContain('r-1');
    expect(output).not.toContain('150102195603120014');
    expect(output).not.toContain('13804710001');
  });
});
