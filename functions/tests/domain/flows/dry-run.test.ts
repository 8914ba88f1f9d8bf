import { describe, expect, it } from 'vitest';
import { loadBuiltInItems } from '../../../../schemas/src/index.js';
import { dryRun } from '../../../src/domain/flows/dry-run.js';
import { contextOn } from './engine-harness.js';

const disclosure = loadBuiltInItems().find((b) => b.slug === 'information-disclosure')!;
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
});
