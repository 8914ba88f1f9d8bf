/**
 * The rjsf Form in the antd theme, with only the widgets Banshi's forms use. Importing the theme's
 * index would register every antd widget — the date picker and the slider among them — and load
 * them on every form page; dates fall back to rjsf's own native date input.
 */
import { withTheme } from '@rjsf/core';
import { generateTemplates } from '@rjsf/antd/lib/templates/index.js';
import CheckboxesWidget from '@rjsf/antd/lib/widgets/CheckboxesWidget/index.js';
import CheckboxWidget from '@rjsf/antd/lib/widgets/CheckboxWidget/index.js';
import PasswordWidget from '@rjsf/antd/lib/widgets/PasswordWidget/index.js';
import RadioWidget from '@rjsf/antd/lib/widgets/RadioWidget/index.js';
import SelectWidget from '@rjsf/antd/lib/widgets/SelectWidget/index.js';
import TextareaWidget from '@rjsf/antd/lib/widgets/TextareaWidget/index.js';

export const antdTemplates = generateTemplates();

export const ThemedForm = withTheme<any>({
  templates: antdTemplates,
  widgets: { CheckboxesWidget, CheckboxWidget, PasswordWidget, RadioWidget, SelectWidget, TextareaWidget },
});
