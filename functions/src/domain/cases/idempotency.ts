/**
 * Idempotency of submissions: recognising the store's answer to a replayed Idempotency-Key without
 * importing the adapter, and the fingerprint that tells a replay (the same request again) from a
 * key reused for a different request.
 */
import { createHash } from 'node:crypto';

/**
 * Recognises the store's answer to a replayed Idempotency-Key: any error carrying
 * `code: 'idempotency-replay'` and the original `caseId`.
 *
 * @returns the original case id, or undefined when the error is something else
 */
export function isIdempotencyReplay(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { code?: unknown; caseId?: unknown };
  return e.code === 'idempotency-replay' && typeof e.caseId === 'string' ? e.caseId : undefined;
}

/**
 * JSON with every object's keys sorted (code-unit order), no whitespace: equal values give equal
 * text, whatever order the client wrote the keys in. Iterative, so any depth the edge lets
 * through is fine.
 *
 * @example canonicalJson({ b: 1, a: [true, { d: null, c: '办' }] }) // '{"a":[true,{"c":"办","d":null}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (next instanceof Raw) {
      out.push(next.text);
    } else if (Array.isArray(next)) {
      out.push('[');
      stack.push(new Raw(']'));
      for (let i = next.length - 1; i >= 0; i -= 1) {
        stack.push(next[i]);
        if (i > 0) stack.push(new Raw(','));
      }
    } else if (typeof next === 'object' && next !== null) {
      const record = next as Record<string, unknown>;
      const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
      out.push('{');
      stack.push(new Raw('}'));
      for (let i = keys.length - 1; i >= 0; i -= 1) {
        stack.push(record[keys[i]]);
        stack.push(new Raw(`${JSON.stringify(keys[i])}:`));
        if (i > 0) stack.push(new Raw(','));
      }
    } else {
      out.push(JSON.stringify(next) ?? 'null');
    }
  }
  return out.join('');
}

/** Text to emit as it is (punctuation and keys), told apart from string values on the stack. */
class Raw {
  constructor(readonly text: string) {}
}

/**
 * The fingerprint of a request body as the client sent it: SHA-256 (hex) of its canonical JSON.
 * Stored with the idempotency record; a key replayed with a body of another fingerprint is a
 * conflict, not a replay.
 *
 * @example requestFingerprint({ itemId: 'senior-card', data: {} }) === requestFingerprint({ data: {}, itemId: 'senior-card' }) // true
 */
export function requestFingerprint(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body), 'utf8').digest('hex');
}
