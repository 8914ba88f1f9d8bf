/**
 * The antd field template, plus `aria-invalid` on the field's own input while it shows an error,
 * so a screen reader announces the field as invalid together with its message.
 */
import type { FieldTemplateProps } from '@rjsf/utils';
import { useEffect } from 'react';
import { antdTemplates } from './themed-form.js';

const AntFieldTemplate = antdTemplates.FieldTemplate!;

export function AccessibleFieldTemplate(props: FieldTemplateProps) {
  const invalid = (props.rawErrors?.length ?? 0) > 0;
  useEffect(() => {
    const input = document.getElementById(props.id);
    if (!input || !/^(INPUT|TEXTAREA|SELECT)$/.test(input.tagName)) return;
    if (invalid) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  });
  return <AntFieldTemplate {...props} />;
}
