/**
 * The placeholder a new item's guide starts with: the designer's 新建事项 fills every element the
 * meta-schema requires but only people can know (implementer, legal basis, acceptance conditions)
 * with 待填写 — "To be filled in" when the designer works in English — so that the draft saves. A
 * guide that still holds one is not ready: the check reports each place, and publishing refuses.
 */
import type { FieldError, Locale } from '../core/field-error.js';
import { escapeSegment } from '../core/json-pointer.js';

/** The placeholder texts, in the languages the designer writes them in. */
export const GUIDE_PLACEHOLDERS = ['待填写', 'To be filled in'] as const;

const messages: Record<Locale, (placeholder: string) => string> = {
  'zh-CN': (placeholder) => `此处仍是占位内容“${placeholder}”，请填写实际内容`,
  en: (placeholder) => `this still holds the placeholder "${placeholder}": write the real text`,
};

/**
 * The placeholder a text holds, if any: 待填写 anywhere in it; the English one only as the whole
 * text (without case), since "to be filled in" is also ordinary English in a material's standard.
 */
export function placeholderIn(text: string): string | undefined {
  if (text.includes(GUIDE_PLACEHOLDERS[0])) return GUIDE_PLACEHOLDERS[0];
  return text.trim().toLowerCase() === GUIDE_PLACEHOLDERS[1].toLowerCase() ? GUIDE_PLACEHOLDERS[1] : undefined;
}

/**
 * Every text of `value` (a guide, at any depth) that still holds a placeholder.
 *
 * @returns one problem per text, code `placeholder`, its pointer rooted at `value` (`/implementer/name/zh-CN`); `[]` when there is none
 */
export function findPlaceholders(value: unknown, locale: Locale = 'zh-CN'): FieldError[] {
  const found: FieldError[] = [];
  const walk = (node: unknown, pointer: string, depth: number) => {
    if (typeof node === 'string') {
      const placeholder = placeholderIn(node);
      if (placeholder) found.push({ pointer, code: 'placeholder', message: messages[locale](placeholder) });
    } else if (depth < 32 && Array.isArray(node)) {
      node.forEach((child, i) => walk(child, `${pointer}/${i}`, depth + 1));
    } else if (depth < 32 && typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) walk(child, `${pointer}/${escapeSegment(key)}`, depth + 1);
    }
  };
  walk(value, '', 0);
  return found;
}
