/**
 * Names of administrative divisions (GB/T 2260) from Banshi's region list
 * (schemas/reference/regions.json): what a region picker offers level by level (盟市 → 旗县区) and
 * how a stored code reads to people. Codes missing from the list are valid too (divisions change
 * every year); they are named by their nearest listed ancestor and the code itself.
 */
import reference from '@banshi/schemas/reference/regions.json';

/** One division of the list. */
export interface RegionEntry {
  code: string;
  name: string;
  /** useLevel code: 2 province/region, 3 city/league, 4 county/banner. */
  level: string;
  parent?: string;
}

const REGIONS: readonly RegionEntry[] = (reference as { regions: RegionEntry[] }).regions;
const BY_CODE = new Map(REGIONS.map((r) => [r.code, r]));

/** The listed division with `code`, or undefined. */
export function regionOf(code: unknown): RegionEntry | undefined {
  return typeof code === 'string' ? BY_CODE.get(code) : undefined;
}

/**
 * The listed divisions directly under `parent`, in the list's order; the top-level ones (usually
 * the one province-level region) when `parent` is undefined.
 */
export function regionChildren(parent?: string): RegionEntry[] {
  return REGIONS.filter((r) => r.parent === parent);
}

/**
 * The listed divisions from the top down to `code`: the division itself when listed, else its
 * nearest listed ancestors by code (xx0000 → xxyy00). Empty when nothing is listed.
 *
 * @example
 * regionPath('150102').map((r) => r.name); // ['内蒙古自治区', '呼和浩特市', '新城区']
 * regionPath('150202').map((r) => r.name); // ['内蒙古自治区', '包头市'] (a district not listed)
 */
export function regionPath(code: unknown): RegionEntry[] {
  if (typeof code !== 'string') return [];
  let at = BY_CODE.get(code) ?? BY_CODE.get(`${code.slice(0, 4)}00`) ?? BY_CODE.get(`${code.slice(0, 2)}0000`);
  const path: RegionEntry[] = [];
  while (at && path.length < 8) {
    path.unshift(at);
    at = at.parent ? BY_CODE.get(at.parent) : undefined;
  }
  return path;
}

/**
 * How a region code reads to people: the names from the top down, separated by " / ", with the
 * code itself after the names when the list does not hold it; the value as it is when nothing is
 * listed (and '' for no value).
 *
 * @example
 * regionLabel('150102'); // '内蒙古自治区 / 呼和浩特市 / 新城区'
 * regionLabel('150202'); // '内蒙古自治区 / 包头市 / 150202'
 * regionLabel('110101'); // '110101'
 */
export function regionLabel(code: unknown): string {
  if (code === undefined || code === null || code === '') return '';
  const names = regionPath(code).map((r) => r.name);
  if (!BY_CODE.has(String(code))) names.push(String(code));
  return names.join(' / ');
}
