/** Item files in the browser: download one, read one the user picked, write its claims. */
import type { Claim } from '@banshi/schemas';
import { api, ApiError } from '../../shared/api.js';

/** Offers `value` as a JSON file download. */
export function downloadJson(value: unknown, filename: string): void {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** The text of a file the user picked. */
export function readText(file: File): Promise<string> {
  return file.text();
}

/**
 * Writes the claims of an imported file to the item: each replaces the claim of its id, or is
 * created when the item has none of that id.
 *
 * @returns the claims that could not be written, with the reason
 */
export async function writeClaims(itemId: string, claims: Claim[]): Promise<{ id: string; message: string }[]> {
  const failed: { id: string; message: string }[] = [];
  for (const claim of claims) {
    const { itemId: _itemId, ...body } = claim;
    try {
      try {
        await api(`/api/items/${encodeURIComponent(itemId)}/claims/${encodeURIComponent(claim.id)}`, { method: 'PUT', body });
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 404) throw error;
        await api(`/api/items/${encodeURIComponent(itemId)}/claims`, { method: 'POST', body });
      }
    } catch (error) {
      const e = error as ApiError;
      failed.push({ id: claim.id, message: e.errors?.length ? e.errors.map((x) => `${x.pointer} ${x.message}`).join('；') : e.message });
    }
  }
  return failed;
}
