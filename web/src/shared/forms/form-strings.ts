/**
 * rjsf's own words (yes/no, the buttons of repeating groups, item titles) in the form's language:
 * rjsf ships English only, and an applicant should see 是/否 and 添加一项, not Yes/No.
 */
import type { Locale } from '@banshi/schemas';
import { englishStringTranslator, TranslatableString } from '@rjsf/utils';

type Words = Partial<Record<TranslatableString, string>>;

const zhCN: Words = {
  [TranslatableString.ArrayItemTitle]: '第 %1 项',
  [TranslatableString.EmptyArray]: '还没有内容，请点击下方按钮添加。',
  [TranslatableString.YesLabel]: '是',
  [TranslatableString.NoLabel]: '否',
  [TranslatableString.CloseLabel]: '关闭',
  [TranslatableString.ErrorsLabel]: '错误',
  [TranslatableString.AddButton]: '添加',
  [TranslatableString.AddItemButton]: '添加一项',
  [TranslatableString.CopyButton]: '复制',
  [TranslatableString.MoveDownButton]: '下移',
  [TranslatableString.MoveUpButton]: '上移',
  [TranslatableString.RemoveButton]: '删除',
  [TranslatableString.ClearLabel]: '清除',
  [TranslatableString.ClearButton]: '清空输入',
  [TranslatableString.AriaDateLabel]: '选择日期',
  [TranslatableString.OptionalObjectAdd]: '填写此项',
  [TranslatableString.OptionalObjectRemove]: '不填此项',
  [TranslatableString.OptionalObjectEmptyMsg]: '此项未填写',
  [TranslatableString.OptionPrefix]: '选项 %1',
};

const en: Words = { [TranslatableString.AddItemButton]: 'Add an item', [TranslatableString.ArrayItemTitle]: 'Item %1' };

/** rjsf's `translateString` for a language. */
export function formStrings(locale: Locale) {
  const words = locale === 'en' ? en : zhCN;
  return (key: TranslatableString, params?: string[]): string => {
    const template = words[key];
    return template ? template.replace(/%(\d)/g, (_, n: string) => params?.[Number(n) - 1] ?? '') : englishStringTranslator(key, params);
  };
}
