/**
 * The words Banshi shows for a case: its statuses, the actions on it and the events of its history,
 * in zh-CN and English — one table for the applicant portal and the staff workbench alike.
 *
 * A decision is named by what the item decides. GB/T 39046's item type (`itemType` of
 * code-tables.json) says so: a licence (01 行政许可) is granted or refused (准予许可 / 不予许可), a
 * confirmation (07 行政确认) confirmed or not, a payment (05 行政给付) or reward (08 行政奖励) granted
 * or not; every other item — a public service (20 公共服务), other categories (10), and the
 * remaining types, which the public does not apply for — is handled or declined (审核通过 /
 * 不予办理). In a parallel review (并联审批) each department only gives its opinion on the one case,
 * so a branch's answer is 同意 / 不同意 whatever the item.
 *
 * | item type                 | approve (button and event) | reject        | status approved | status denied |
 * |---------------------------|----------------------------|---------------|-----------------|---------------|
 * | 01 行政许可                | 准予许可                    | 不予许可       | 准予许可         | 不予许可       |
 * | 05 行政给付                | 准予给付                    | 不予给付       | 准予给付         | 不予给付       |
 * | 07 行政确认                | 予以确认                    | 不予确认       | 予以确认         | 不予确认       |
 * | 08 行政奖励                | 予以奖励                    | 不予奖励       | 予以奖励         | 不予奖励       |
 * | 20 公共服务, 10, others     | 审核通过                    | 不予办理       | 审核通过         | 不予办理       |
 * | a branch of a parallel step | 同意                       | 不同意         | —               | —             |
 *
 * The other statuses and actions read the same for every item (已收件, 补齐补正, 已办结 …). English
 * has two forms of an action: the button says what to do ("Grant"), the history what was done
 * ("Granted"); Chinese uses one word for both.
 */
import type { Locale } from '../core/field-error.js';
import type { BranchState, CaseStatus } from '../generated/case.generated.js';
import type { FlowAction } from '../generated/flow.generated.js';

export type { Locale as WordLocale };

/** The kinds of decision, each with its own words for approve and reject. */
export type DecisionKind = 'licence' | 'payment' | 'confirmation' | 'reward' | 'service';

/** What a history event or a button names: a flow action, or the submission that starts a case. */
export type CaseAction = FlowAction | 'submit';

/** A branch's state as people see it: the recorded state. */
export type BranchWordState = BranchState['state'];

type Words = { 'zh-CN': string; en: string };

const KIND_OF_TYPE: Readonly<Record<string, DecisionKind>> = { '01': 'licence', '05': 'payment', '07': 'confirmation', '08': 'reward' };

const DECISIONS: Readonly<Record<DecisionKind, { approve: Words; approveDone: string; reject: Words; rejectDone: string; approved: Words; denied: Words }>> = {
  licence: {
    approve: { 'zh-CN': '准予许可', en: 'Grant' }, approveDone: 'Granted',
    reject: { 'zh-CN': '不予许可', en: 'Refuse' }, rejectDone: 'Refused',
    approved: { 'zh-CN': '准予许可', en: 'Granted' }, denied: { 'zh-CN': '不予许可', en: 'Refused' },
  },
  payment: {
    approve: { 'zh-CN': '准予给付', en: 'Grant the payment' }, approveDone: 'Payment granted',
    reject: { 'zh-CN': '不予给付', en: 'Refuse the payment' }, rejectDone: 'Payment refused',
    approved: { 'zh-CN': '准予给付', en: 'Payment granted' }, denied: { 'zh-CN': '不予给付', en: 'Payment refused' },
  },
  confirmation: {
    approve: { 'zh-CN': '予以确认', en: 'Confirm' }, approveDone: 'Confirmed',
    reject: { 'zh-CN': '不予确认', en: 'Refuse to confirm' }, rejectDone: 'Not confirmed',
    approved: { 'zh-CN': '予以确认', en: 'Confirmed' }, denied: { 'zh-CN': '不予确认', en: 'Not confirmed' },
  },
  reward: {
    approve: { 'zh-CN': '予以奖励', en: 'Grant the reward' }, approveDone: 'Reward granted',
    reject: { 'zh-CN': '不予奖励', en: 'Refuse the reward' }, rejectDone: 'Reward refused',
    approved: { 'zh-CN': '予以奖励', en: 'Reward granted' }, denied: { 'zh-CN': '不予奖励', en: 'Reward refused' },
  },
  service: {
    approve: { 'zh-CN': '审核通过', en: 'Approve' }, approveDone: 'Approved',
    reject: { 'zh-CN': '不予办理', en: 'Decline' }, rejectDone: 'Declined',
    approved: { 'zh-CN': '审核通过', en: 'Approved' }, denied: { 'zh-CN': '不予办理', en: 'Declined' },
  },
};

const BRANCH_DECISIONS = {
  approve: { 'zh-CN': '同意', en: 'Agree', done: 'Agreed' },
  reject: { 'zh-CN': '不同意', en: 'Disagree', done: 'Disagreed' },
} as const;

/** Statuses whose words do not depend on the item. */
const STATUSES: Readonly<Record<Exclude<CaseStatus, 'approved' | 'denied'>, Words>> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  submitted: { 'zh-CN': '已收件', en: 'Received' },
  notAccepted: { 'zh-CN': '不予受理', en: 'Not accepted' },
  correction: { 'zh-CN': '补齐补正', en: 'Correction requested' },
  accepted: { 'zh-CN': '已受理', en: 'Accepted' },
  inReview: { 'zh-CN': '审查中', en: 'In review' },
  suspended: { 'zh-CN': '特别程序', en: 'Special procedure' },
  completed: { 'zh-CN': '已办结', en: 'Completed' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
};

/** Actions whose words do not depend on the item: zh-CN, English button, English event. */
const ACTIONS: Readonly<Record<Exclude<CaseAction, 'approve' | 'reject'>, { 'zh-CN': string; en: string; done: string }>> = {
  submit: { 'zh-CN': '提交申请', en: 'Submit', done: 'Submitted' },
  accept: { 'zh-CN': '受理', en: 'Accept', done: 'Accepted' },
  notAccept: { 'zh-CN': '不予受理', en: 'Do not accept', done: 'Not accepted' },
  returnForCorrection: { 'zh-CN': '退回补正', en: 'Return for correction', done: 'Returned for correction' },
  resubmit: { 'zh-CN': '补正后重新提交', en: 'Resubmit', done: 'Corrected and resubmitted' },
  transfer: { 'zh-CN': '转办', en: 'Transfer', done: 'Transferred' },
  suspend: { 'zh-CN': '特别程序', en: 'Start a special procedure', done: 'Special procedure started' },
  resume: { 'zh-CN': '恢复办理', en: 'Resume', done: 'Resumed' },
  extend: { 'zh-CN': '延长时限', en: 'Extend the time limit', done: 'Time limit extended' },
  complete: { 'zh-CN': '办结', en: 'Complete', done: 'Completed' },
  withdraw: { 'zh-CN': '撤回', en: 'Withdraw', done: 'Withdrawn' },
};

const BRANCH_STATES: Readonly<Record<BranchWordState, Words>> = {
  open: { 'zh-CN': '办理中', en: 'In progress' },
  approved: { 'zh-CN': '已同意', en: 'Agreed' },
  rejected: { 'zh-CN': '不同意', en: 'Disagreed' },
  skipped: { 'zh-CN': '无需办理', en: 'Not needed' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
  paused: { 'zh-CN': '已因补正暂停', en: 'Paused for the correction' },
};

/** The words of a branch that asked for the correction the case waits for. */
const BRANCH_RETURNED: Words = { 'zh-CN': '已退回补正', en: 'Returned for correction' };

/**
 * The kind of decision an item makes, from its GB/T 39046 item type; `service` for a type without
 * words of its own, and for an unknown or missing type.
 */
export function decisionKind(itemType: string | undefined): DecisionKind {
  return (itemType && KIND_OF_TYPE[itemType]) || 'service';
}

/**
 * The name of a case status for an item of this type.
 *
 * @example
 * statusWord('denied', '01', 'zh-CN'); // '不予许可'
 * statusWord('denied', '20', 'zh-CN'); // '不予办理'
 */
export function statusWord(status: CaseStatus | string, itemType: string | undefined, locale: Locale): string {
  if (status === 'approved' || status === 'denied') return DECISIONS[decisionKind(itemType)][status][locale];
  return STATUSES[status as keyof typeof STATUSES]?.[locale] ?? status;
}

/**
 * The name of an action: `form: 'do'` for a button, `'done'` for the event in a history (they
 * differ in English only). `branch`: the action answers a branch of a parallel step.
 *
 * @example
 * actionWord('approve', { itemType: '20', locale: 'zh-CN' }); // '审核通过'
 * actionWord('approve', { itemType: '01', locale: 'en', form: 'done' }); // 'Granted'
 * actionWord('approve', { itemType: '01', locale: 'zh-CN', branch: true }); // '同意'
 */
export function actionWord(
  action: CaseAction | string,
  options: { itemType: string | undefined; locale: Locale; form?: 'do' | 'done'; branch?: boolean },
): string {
  const { itemType, locale, form = 'do', branch = false } = options;
  if (action === 'approve' || action === 'reject') {
    if (branch) {
      const words = BRANCH_DECISIONS[action];
      return locale === 'en' && form === 'done' ? words.done : words[locale];
    }
    const decision = DECISIONS[decisionKind(itemType)];
    if (locale === 'en' && form === 'done') return action === 'approve' ? decision.approveDone : decision.rejectDone;
    return decision[action][locale];
  }
  const words = ACTIONS[action as keyof typeof ACTIONS];
  if (!words) return action;
  return locale === 'en' && form === 'done' ? words.done : words[locale];
}

/**
 * The name of a parallel branch's state. While the case waits for a correction, the branch that
 * asked for it reads 已退回补正 (pass `returnedForCorrection`), the others 已因补正暂停.
 */
export function branchStateWord(state: BranchWordState | string, locale: Locale, returnedForCorrection = false): string {
  if (returnedForCorrection && state === 'open') return BRANCH_RETURNED[locale];
  return BRANCH_STATES[state as BranchWordState]?.[locale] ?? state;
}
