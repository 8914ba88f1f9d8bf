import { describe, expect, it } from 'vitest';
import { loadBuiltInItems } from '@banshi/schemas';
import { dryRun } from '../../../src/domain/flows/dry-run.js';
import { contextOn } from './engine-harness.js';

const disclosure = loadBuiltInItems().find((b) => b.slug === 'information-disclosure')!;
const permit = loadBuiltInItems().find((b) => b.slug === 'construction-permit-parallel')!;
const input = {
  data: {},
  promised: { value: 20, unit: 'workingDays' as const },
  statutory: { value: 20, unit: 'workingDays' as const },
  region: '150000',
  departments: { lead: 'd-150000-disclosure' },
};

describe('dryRun', () => {
  it('takes the first forward action at every step until the case ends', () => {
    const path = dryRun(contextOn('2026-03-02', disclosure.flow), input);

    expect(path.map((p) => `${p.action}:${p.stepId}:${p.status}`)).toEqual(['submit:register:submitted', 'accept:review:inReview', 'approve:reply:approved', 'complete:done:completed']);
  });

  it('follows a return for correction through the applicant\'s resubmission back to the same step', () => {
    const actions = [{ action: 'returnForCorrection' as const }, { action: 'resubmit' as const }, { action: 'accept' as const }];

    const path = dryRun(contextOn('2026-03-02', disclosure.flow), { ...input, actions });

    expect(path.map((p) => `${p.action}:${p.stepId}:${p.status}`)).toEqual(['submit:register:submitted', 'returnForCorrection:register:correction', 'resubmit:register:submitted', 'accept:review:inReview']);
    expect(path[1].openTasks).toEqual([]);
    expect(path[2].openTasks).toMatchObject([{ stepId: 'register', role: 'disclosure' }]);
  });

  it('shows the other branches paused while one branch waits for a correction, and open again after the resubmission', () => {
    const actions = [{ action: 'accept' as const }, { action: 'returnForCorrection' as const, branchId: 'fireDesign' }, { action: 'resubmit' as const }];
    const departments = { lead: 'd-lead', planning: 'd-planning', housing: 'd-housing', airDefence: 'd-air' };

    const path = dryRun(contextOn('2026-03-02', permit.flow), { ...input, departments, data: { project: { hasBasement: true } }, actions });

    const states = (i: number) => Object.fromEntries((path[i].branches ?? []).filter((b) => b.state !== 'skipped').map((b) => [b.id, b.state]));
    expect(path[2].status).toBe('correction');
    expect(states(2)).toMatchObject({ planning: 'paused', fireDesign: 'open' });
    expect(Object.values(states(3)).every((s) => s === 'open')).toBe(true);
  });
});
