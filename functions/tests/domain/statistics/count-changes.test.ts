import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadReference, type CaseStatus } from '@banshi/schemas';
import { isFinalStatus } from '@banshi/schemas/core';
import {
  aggregateIncrements,
  countChange,
  countChanges,
  countInFlight,
  monthInBeijing,
  type CaseImage,
} from '../../../src/domain/statistics/count-changes.js';

const image = (status: CaseStatus, overrides: Partial<CaseImage> = {}): CaseImage => ({
  departmentId: 'd-civil',
  itemId: 'senior-card',
  status,
  updatedAt: '2026-11-25T02:00:00.000Z',
  ...overrides,
});

const ALL_STATUSES: CaseStatus[] = [
  'draft', 'submitted', 'notAccepted', 'correction', 'accepted', 'inReview',
  'suspended', 'approved', 'denied', 'completed', 'withdrawn',
];

describe('countChange', () => {
  it('counts a created case as submitted in the month of its updatedAt', () => {
    const counted = countChange(undefined, image('submitted'));

    expect(counted).toEqual({ departmentId: 'd-civil', month: '2026-11', itemId: 'senior-card', counters: { submitted: 1 } });
  });

  it('counts a case created straight into a counted status under both counters', () => {
    expect(countChange(undefined, image('notAccepted'))?.counters).toEqual({ submitted: 1, notAccepted: 1 });
  });

  it.each([
    ['submitted', 'accepted', 'accepted'],
    ['inReview', 'completed', 'completed'],
    ['inReview', 'denied', 'denied'],
    ['submitted', 'notAccepted', 'notAccepted'],
    ['correction', 'withdrawn', 'withdrawn'],
    ['inReview', 'correction', 'correction'],
  ] as [CaseStatus, CaseStatus, string][])('counts a change from %s into %s as %s', (from, to, counter) => {
    expect(countChange(image(from), image(to))?.counters).toEqual({ [counter]: 1 });
  });

  it.each([
    ['accepted', 'inReview', 'a status that is not counted'],
    ['correction', 'submitted', 'a resubmission (not a new submission)'],
    ['inReview', 'inReview', 'no change of status'],
    ['accepted', 'accepted', 'a counted status that did not change'],
  ] as [CaseStatus, CaseStatus, string][])('counts nothing for %s → %s: %s', (from, to) => {
    expect(countChange(image(from), image(to))).toBeUndefined();
  });

  it('counts nothing when the case item is deleted', () => {
    expect(countChange(image('completed'), undefined)).toBeUndefined();
  });

  it('takes the department and item of the new image', () => {
    const counted = countChange(image('submitted'), image('accepted', { departmentId: 'd-other', itemId: 'other' }));

    expect(counted).toMatchObject({ departmentId: 'd-other', itemId: 'other' });
  });
});

describe('monthInBeijing', () => {
  it.each([
    ['2026-11-30T15:59:59.999Z', '2026-11'],
    ['2026-11-30T16:00:00.000Z', '2026-12'],
    ['2026-12-31T23:00:00+08:00', '2026-12'],
    ['2026-12-31T16:00:00.000Z', '2027-01'],
  ])('puts %s in %s (UTC+8)', (at, month) => {
    expect(monthInBeijing(at)).toBe(month);
  });

  it('rejects a value that is not a date-time', () => {
    expect(() => monthInBeijing('yesterday')).toThrow(/not a date-time/);
  });
});

describe('countChanges', () => {
  it('aggregates a batch into one increment map per department, month and item', () => {
    const submitted = image('submitted');
    const accepted = image('accepted');
    const other = image('submitted', { itemId: 'other-item' });
    const december = image('submitted', { updatedAt: '2026-11-30T17:00:00.000Z' });

    const counted = countChanges([
      { new: submitted },
      { new: submitted },
      { old: submitted, new: accepted },
      { old: accepted, new: image('completed') },
      { new: other },
      { new: december },
      { old: accepted, new: image('inReview') },
    ]);

    expect(counted).toEqual([
      { departmentId: 'd-civil', month: '2026-11', itemId: 'senior-card', counters: { submitted: 2, accepted: 1, completed: 1 } },
      { departmentId: 'd-civil', month: '2026-11', itemId: 'other-item', counters: { submitted: 1 } },
      { departmentId: 'd-civil', month: '2026-12', itemId: 'senior-card', counters: { submitted: 1 } },
    ]);
  });

  it('returns nothing for a batch that counts nothing', () => {
    expect(countChanges([{ old: image('accepted'), new: image('inReview') }])).toEqual([]);
  });

  it('keeps every count when aggregating, and one entry per key', () => {
    const arbImage = fc.record({
      departmentId: fc.constantFrom('d1', 'd2'),
      itemId: fc.constantFrom('i1', 'i2'),
      status: fc.constantFrom(...ALL_STATUSES),
      updatedAt: fc.constantFrom('2026-11-01T00:00:00Z', '2026-11-30T20:00:00Z'),
    });
    const arbChange = fc.record({ old: fc.option(arbImage, { nil: undefined }), new: fc.option(arbImage, { nil: undefined }) });

    fc.assert(
      fc.property(fc.array(arbChange, { maxLength: 40 }), (changes) => {
        const single = changes.flatMap((c) => {
          const inc = countChange(c.old, c.new);
          return inc ? [inc] : [];
        });
        const total = (xs: typeof single) =>
          xs.reduce((sum, x) => sum + Object.values(x.counters).reduce((a, b) => a + (b ?? 0), 0), 0);

        const aggregated = countChanges(changes);

        expect(total(aggregated)).toBe(total(single));
        expect(new Set(aggregated.map((a) => `${a.departmentId}|${a.month}|${a.itemId}`)).size).toBe(aggregated.length);
        expect(aggregateIncrements(aggregated)).toEqual(aggregated);
      }),
    );
  });
});

describe('countInFlight', () => {
  const versioned = (status: CaseStatus) => ({ itemId: 'senior-card', itemVersion: 2, status });

  it('counts a case created unfinished into its version', () => {
    expect(countInFlight(undefined, versioned('submitted'))).toEqual({ itemId: 'senior-card', version: 2, counters: { inFlight: 1 } });
  });

  it.each(['completed', 'denied', 'notAccepted', 'withdrawn'] as const)('counts a case out when it becomes %s', (status) => {
    expect(countInFlight(versioned('accepted'), versioned(status))?.counters).toEqual({ inFlight: -1 });
  });

  it('counts nothing for a change between unfinished statuses, or a case created finished', () => {
    expect(countInFlight(versioned('submitted'), versioned('correction'))).toBeUndefined();
    expect(countInFlight(undefined, versioned('notAccepted'))).toBeUndefined();
  });

  it('finishes exactly where the flow engine finishes a case', () => {
    const statuses = Object.keys(loadReference().codeTables.caseStatus) as CaseStatus[];
    const countedOut = statuses.filter((status) => countInFlight(versioned('accepted'), versioned(status))?.counters.inFlight === -1);
    expect(countedOut).toEqual(statuses.filter(isFinalStatus));
    expect(countedOut).toHaveLength(4);
  });
});
