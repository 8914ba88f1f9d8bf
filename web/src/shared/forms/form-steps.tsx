/**
 * Where the applicant is in a long form: a numbered list of its steps, the current one marked
 * (`aria-current="step"`), done ones ticked. Wraps onto several lines on a phone.
 */
const STYLE = `.banshi-steps{display:flex;flex-wrap:wrap;gap:8px 20px;margin:0 0 24px;padding:0;list-style:none;counter-reset:step}
.banshi-steps li{display:flex;align-items:center;gap:8px;color:#595959;font-size:14px}
.banshi-steps li::before{counter-increment:step;content:counter(step);display:inline-flex;align-items:center;justify-content:center;width:24px;height:24px;border-radius:50%;border:1px solid #bfbfbf;font-size:12px}
.banshi-steps li[data-done]::before{content:'✓';color:#c8161d;border-color:#c8161d}
.banshi-steps li[aria-current]{color:rgba(0,0,0,.88);font-weight:600}
.banshi-steps li[aria-current]::before{color:#fff;background:#c8161d;border-color:#c8161d}`;

export function FormSteps({ titles, current, label }: { titles: string[]; current: number; label: string }) {
  return (
    <nav aria-label={label}>
      <style>{STYLE}</style>
      <ol className="banshi-steps">
        {titles.map((title, i) => (
          <li key={i} aria-current={i === current ? 'step' : undefined} data-done={i < current ? '' : undefined}>{title}</li>
        ))}
      </ol>
    </nav>
  );
}
