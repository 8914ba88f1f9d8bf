/** The tabs of the item designer, in order, and which tab a problem's pointer belongs to. */
import type { ShellMessageKey } from './messages.js';

export const TABS = ['guide', 'form', 'flow', 'dry-run', 'versions', 'claims', 'json'] as const;
export type TabKey = (typeof TABS)[number];

export const TAB_LABEL: Record<TabKey, ShellMessageKey> = {
  guide: 'tab.guide',
  form: 'tab.form',
  flow: 'tab.flow',
  'dry-run': 'tab.dryRun',
  versions: 'tab.versions',
  claims: 'tab.claims',
  json: 'tab.json',
};

/** The tab whose part a problem's pointer falls in: /item → guide, /form and /ui → form, /flow → flow. */
export function tabOfPointer(pointer: string): 'guide' | 'form' | 'flow' | undefined {
  const under = (root: string) => pointer === root || pointer.startsWith(`${root}/`);
  if (under('/item')) return 'guide';
  if (under('/form') || under('/ui')) return 'form';
  if (under('/flow')) return 'flow';
  return undefined;
}
