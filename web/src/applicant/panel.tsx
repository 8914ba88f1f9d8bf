/**
 * A bordered white panel with an optional heading: what the applicant's pages use antd's Card for,
 * without the Card's tabs machinery on the form page.
 */
import type { ReactNode } from 'react';

export function Panel({ title, children, padding = 'clamp(12px, 3vw, 24px)' }: { title?: ReactNode; children: ReactNode; padding?: string }) {
  return (
    <section style={{ background: '#fff', border: '1px solid #f0f0f0', borderRadius: 8 }}>
      {title && <div style={{ padding: '12px clamp(12px, 3vw, 24px)', borderBottom: '1px solid #f0f0f0' }}>{title}</div>}
      <div style={{ padding }}>{children}</div>
    </section>
  );
}
