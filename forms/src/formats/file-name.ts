/**
 * File names that cannot disguise themselves. A name such as `invoice\u202Efdp.exe` shows as
 * `invoiceexe.pdf` in a list; zero-width characters and a BOM make two names look alike; control
 * characters and lone surrogates break the display and the header a download carries. Banshi
 * refuses such names rather than stripping them, so the name staff see is the name the applicant
 * chose.
 */

/** Why a file name is refused. */
export type FileNameProblem = 'control' | 'bidi' | 'invisible' | 'lone-surrogate';

/** C0 and C1 control characters and DEL (checked by code: a regular expression of them reads badly). */
const isControl = (code: number) => code <= 0x1f || (code >= 0x7f && code <= 0x9f);
/** Bidirectional embeddings, overrides, isolates and marks (LRE…RLO, LRI…PDI, LRM, RLM, ALM). */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** Zero-width space, non-joiner and joiner, word joiner, invisible operators, deprecated format characters, BOM. */
const INVISIBLE = /[\u200b-\u200d\u2060-\u2065\u206a-\u206f\ufeff]/;
/** In a `u` expression a surrogate class matches only surrogates that are not part of a pair. */
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/**
 * What is wrong with a file name, or null when it is fine.
 *
 * @example fileNameProblem('身份证正面.jpg') // null
 * @example fileNameProblem('invoice\u202Efdp.exe') // 'bidi'
 */
export function fileNameProblem(name: string): FileNameProblem | null {
  for (let i = 0; i < name.length; i += 1) if (isControl(name.charCodeAt(i))) return 'control';
  if (BIDI.test(name)) return 'bidi';
  if (INVISIBLE.test(name)) return 'invisible';
  if (LONE_SURROGATE.test(name)) return 'lone-surrogate';
  return null;
}
