/**
 * Stands in for `markdown-to-jsx/react` inside rjsf (vite.config.ts aliases it here). rjsf renders
 * Markdown only where a uiSchema sets `enableMarkdownInDescription` (and in its own developer
 * error messages); Banshi's forms never do: guides and help texts are plain text, which this
 * renders as-is — never as HTML — and the applicant's page loads 25 KB less JavaScript (gzip).
 */
import type { ReactNode } from 'react';

export function Markdown({ children }: { children?: ReactNode; options?: unknown }) {
  return <span>{children}</span>;
}

export default Markdown;
