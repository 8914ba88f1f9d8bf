/**
 * The rjsf Form with Banshi's templates (accessible-field-template.tsx): rjsf's own native
 * controls in the app's look, no antd theme package on the form page.
 */
import { withTheme } from '@rjsf/core';

export const ThemedForm = withTheme<any>({});
