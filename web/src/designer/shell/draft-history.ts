/**
 * The draft with its undo history: every edit of any part (guide, form, flow, JSON) is one entry
 * over the whole draft, so undo and redo cross parts. Quick successive edits from one source
 * (typing in one field) fold into one entry, so one undo takes back a word, not a letter.
 */
import { useCallback, useReducer } from 'react';
import type { ItemDraft } from '@banshi/schemas';

/** Edits of one source closer together than this fold into one undo entry. */
const FOLD_MS = 800;
const MAX_ENTRIES = 200;

interface History {
  past: ItemDraft[];
  present: ItemDraft | undefined;
  future: ItemDraft[];
  lastSource?: string;
  lastAt: number;
}

type Action =
  | { type: 'reset'; draft: ItemDraft }
  | { type: 'change'; draft: ItemDraft; source?: string; at: number }
  | { type: 'undo' }
  | { type: 'redo' };

function reduce(state: History, action: Action): History {
  switch (action.type) {
    case 'reset':
      return { past: [], present: action.draft, future: [], lastAt: 0 };
    case 'change': {
      if (!state.present || action.draft === state.present) return state;
      const fold = action.source !== undefined && action.source === state.lastSource && action.at - state.lastAt < FOLD_MS && state.past.length > 0;
      const past = fold ? state.past : [...state.past, state.present].slice(-MAX_ENTRIES);
      return { past, present: action.draft, future: [], lastSource: action.source, lastAt: action.at };
    }
    case 'undo': {
      if (state.past.length === 0 || !state.present) return state;
      return { past: state.past.slice(0, -1), present: state.past[state.past.length - 1], future: [state.present, ...state.future], lastAt: 0 };
    }
    case 'redo': {
      if (state.future.length === 0 || !state.present) return state;
      return { past: [...state.past, state.present], present: state.future[0], future: state.future.slice(1), lastAt: 0 };
    }
  }
}

export interface DraftHistory {
  draft: ItemDraft | undefined;
  canUndo: boolean;
  canRedo: boolean;
  /** Replaces the draft and forgets the history (after loading). */
  reset(draft: ItemDraft): void;
  /** One edit; `source` names where it came from, so quick edits from one place fold together. */
  change(draft: ItemDraft, source?: string): void;
  undo(): void;
  redo(): void;
}

export function useDraftHistory(): DraftHistory {
  const [state, dispatch] = useReducer(reduce, { past: [], present: undefined, future: [], lastAt: 0 });
  const reset = useCallback((draft: ItemDraft) => dispatch({ type: 'reset', draft }), []);
  const change = useCallback((draft: ItemDraft, source?: string) => dispatch({ type: 'change', draft, source, at: Date.now() }), []);
  const undo = useCallback(() => dispatch({ type: 'undo' }), []);
  const redo = useCallback(() => dispatch({ type: 'redo' }), []);
  return { draft: state.present, canUndo: state.past.length > 0, canRedo: state.future.length > 0, reset, change, undo, redo };
}
