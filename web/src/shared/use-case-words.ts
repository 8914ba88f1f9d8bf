/**
 * The case vocabulary (schemas/src/vocabulary/case-words.ts) in the current language, for the
 * item type of the case at hand: the one source of status, action, event and branch words for the
 * applicant portal and the workbench.
 */
import { useMemo } from 'react';
import { actionWord, branchStateWord, statusWord, type CaseAction } from '@banshi/schemas';
import { useI18n } from './i18n.js';

export interface CaseWords {
  /** A status (已收件, 补齐补正, 准予许可 / 不予办理 …). */
  status(status: string): string;
  /** An action on a button; `branch` when it answers a parallel branch. */
  action(action: CaseAction | string, branch?: boolean): string;
  /** An event of the history (English says what was done). */
  event(action: CaseAction | string, branch?: boolean): string;
  /** A branch state; `returned` for the branch whose correction the case waits for. */
  branchState(state: string, returned?: boolean): string;
}

/** The words for a case of `itemType` (GB/T 39046 code; generic words when unknown). */
export function useCaseWords(itemType: string | undefined): CaseWords {
  const { locale } = useI18n();
  return useMemo(
    () => ({
      status: (status) => statusWord(status, itemType, locale),
      action: (action, branch = false) => actionWord(action, { itemType, locale, branch }),
      event: (action, branch = false) => actionWord(action, { itemType, locale, branch, form: 'done' }),
      branchState: (state, returned = false) => branchStateWord(state, locale, returned),
    }),
    [itemType, locale],
  );
}
