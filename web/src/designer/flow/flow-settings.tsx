/**
 * Settings of the whole flow: the start step, what a return for correction does to the clock and
 * how long the applicant has to answer, and how far the time limit may be extended.
 */
import { Flex, InputNumber } from 'antd';
import type { FlowDefinition } from '@banshi/schemas';
import { useI18n, useMessages } from '../../shared/i18n.js';
import { Field, NativeSelect } from './flow-controls.js';
import { setOptional, withoutKey } from './flow-edits.js';
import { flowMessages } from './messages.js';

export function FlowSettings({ flow, onChange }: { flow: FlowDefinition; onChange(flow: FlowDefinition): void }) {
  const t = useMessages(flowMessages);
  const { text } = useI18n();
  const correction = flow.correction ?? {};
  const setCorrection = (next: NonNullable<FlowDefinition['correction']>) =>
    onChange(Object.keys(next).length ? { ...flow, correction: next } : withoutKey(flow, 'correction'));
  return (
    <section aria-label={t('settings.title')} data-testid="flow-settings">
      <Flex gap={12} wrap>
        <Field label={t('settings.start')} htmlFor="flow-settings-start" style={{ flex: '1 1 180px' }}>
          <NativeSelect id="flow-settings-start" testId="flow-settings-start" value={flow.start}
            options={flow.steps.map((s) => ({ value: s.id, label: `${text(s.name) || s.id}（${s.id}）` }))}
            onChange={(start) => onChange({ ...flow, start })} />
        </Field>
        <Field label={t('settings.correctionClock')} htmlFor="flow-settings-clock" style={{ flex: '1 1 200px' }}>
          <NativeSelect id="flow-settings-clock" testId="flow-settings-clock" value={correction.clock ?? 'pause'}
            options={[{ value: 'pause', label: t('settings.clock.pause') }, { value: 'restart', label: t('settings.clock.restart') }]}
            onChange={(clock) => setCorrection(setOptional(correction, 'clock', clock === 'pause' && !correction.clock ? undefined : (clock as 'pause' | 'restart')))} />
        </Field>
        <Field label={t('settings.answerWithin')} htmlFor="flow-settings-answer" style={{ flex: '1 1 160px' }}>
          <InputNumber id="flow-settings-answer" data-testid="flow-settings-answer" min={1} max={365} precision={0} style={{ width: '100%' }}
            value={correction.answerWithinDays ?? null}
            onChange={(n) => setCorrection(setOptional(correction, 'answerWithinDays', typeof n === 'number' ? n : undefined))} />
        </Field>
        <Field label={t('settings.extensionMax')} htmlFor="flow-settings-extension" style={{ flex: '1 1 140px' }}>
          <InputNumber id="flow-settings-extension" data-testid="flow-settings-extension" min={1} max={365} precision={0} style={{ width: '100%' }}
            value={flow.extension?.maxDays ?? null}
            onChange={(n) => onChange(typeof n === 'number' ? { ...flow, extension: { ...flow.extension, maxDays: n } } : withoutKey(flow, 'extension'))} />
        </Field>
        <Field label={t('settings.extensionTimes')} htmlFor="flow-settings-extension-times" style={{ flex: '1 1 120px' }}>
          <InputNumber id="flow-settings-extension-times" min={1} max={10} precision={0} style={{ width: '100%' }} disabled={!flow.extension}
            value={flow.extension?.maxTimes ?? null}
            onChange={(n) => flow.extension && onChange({ ...flow, extension: setOptional(flow.extension, 'maxTimes', typeof n === 'number' ? n : undefined) })} />
        </Field>
      </Flex>
    </section>
  );
}
