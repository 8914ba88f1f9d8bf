import type { Locale } from '../core/field-error.js';

type Params = Record<string, string | number>;

/** The codes checkFlow reports, each with its message in zh-CN and en. */
export const checkFlowMessages = {
  'duplicate-step-id': {
    'zh-CN': (p: Params) => `步骤标识“${p.id}”重复`,
    en: (p: Params) => `step id "${p.id}" is used more than once`,
  },
  'unknown-start': {
    'zh-CN': (p: Params) => `开始步骤“${p.id}”不存在`,
    en: (p: Params) => `the start step "${p.id}" does not exist`,
  },
  'unknown-target': {
    'zh-CN': (p: Params) => `目标步骤“${p.id}”不存在`,
    en: (p: Params) => `the target step "${p.id}" does not exist`,
  },
  unreachable: {
    'zh-CN': (p: Params) => `步骤“${p.id}”从开始步骤无法到达`,
    en: (p: Params) => `step "${p.id}" cannot be reached from the start step`,
  },
  'dead-end': {
    'zh-CN': (p: Params) => `步骤“${p.id}”不是结束步骤，却没有后续步骤`,
    en: (p: Params) => `step "${p.id}" is not an end step but leads nowhere`,
  },
  'no-path-to-end': {
    'zh-CN': (p: Params) => `从步骤“${p.id}”无法到达任何结束步骤`,
    en: (p: Params) => `no end step can be reached from step "${p.id}"`,
  },
  'missing-role': {
    'zh-CN': (p: Params) => `步骤“${p.id}”未指定办理角色`,
    en: (p: Params) => `step "${p.id}" has no role`,
  },
  'unknown-role': {
    'zh-CN': (p: Params) => `角色“${p.role}”不存在`,
    en: (p: Params) => `role "${p.role}" does not exist`,
  },
  'unknown-department': {
    'zh-CN': (p: Params) => `部门槽位“${p.department}”未在事项中定义`,
    en: (p: Params) => `department slot "${p.department}" is not defined by the item`,
  },
  'missing-actions': {
    'zh-CN': (p: Params) => `“${p.id}”至少需要一个允许的操作`,
    en: (p: Params) => `"${p.id}" needs at least one allowed action`,
  },
  'transition-without-action': {
    'zh-CN': () => `办理步骤的流转必须指定触发操作（on）`,
    en: () => `a transition of a task step needs the action that takes it (on)`,
  },
  'action-not-allowed': {
    'zh-CN': (p: Params) => `操作“${p.action}”不在本步骤允许的操作中`,
    en: (p: Params) => `action "${p.action}" is not among the actions allowed at this step`,
  },
  'action-without-transition': {
    'zh-CN': (p: Params) => `操作“${p.action}”没有对应的流转`,
    en: (p: Params) => `action "${p.action}" has no transition`,
  },
  'unexpected-action': {
    'zh-CN': () => `判断步骤的流转不应指定操作（on）`,
    en: () => `a transition of a decision step takes no action (on)`,
  },
  'missing-transitions': {
    'zh-CN': (p: Params) => `步骤“${p.id}”没有流转`,
    en: (p: Params) => `step "${p.id}" has no transitions`,
  },
  'missing-fallback': {
    'zh-CN': (p: Params) => `判断步骤“${p.id}”的最后一个流转应不带条件（兜底）`,
    en: (p: Params) => `the last transition of decision step "${p.id}" should have no condition (a fallback)`,
  },
  'shadowed-transition': {
    'zh-CN': () => `此流转之前已有不带条件的流转，永远不会被采用`,
    en: () => `an unconditional transition comes before this one, so it is never taken`,
  },
  'missing-branches': {
    'zh-CN': (p: Params) => `并行步骤“${p.id}”没有分支`,
    en: (p: Params) => `parallel step "${p.id}" has no branches`,
  },
  'missing-next': {
    'zh-CN': (p: Params) => `并行步骤“${p.id}”未指定汇合后的步骤（next）`,
    en: (p: Params) => `parallel step "${p.id}" has no step after the join (next)`,
  },
  'missing-on-reject': {
    'zh-CN': (p: Params) => `并行步骤“${p.id}”的分支可以不予通过，但未指定 onReject 步骤`,
    en: (p: Params) => `a branch of parallel step "${p.id}" may reject, but there is no onReject step`,
  },
  'duplicate-branch-id': {
    'zh-CN': (p: Params) => `分支标识“${p.id}”重复`,
    en: (p: Params) => `branch id "${p.id}" is used more than once`,
  },
  'quorum-too-large': {
    'zh-CN': (p: Params) => `汇合所需通过数 ${p.quorum} 大于分支数 ${p.branches}`,
    en: (p: Params) => `the quorum ${p.quorum} is larger than the number of branches ${p.branches}`,
  },
  'missing-outcome': {
    'zh-CN': (p: Params) => `结束步骤“${p.id}”未指定办理结果（outcome）`,
    en: (p: Params) => `end step "${p.id}" has no outcome`,
  },
  'unexpected-transitions': {
    'zh-CN': (p: Params) => `结束步骤“${p.id}”不应有后续流转`,
    en: (p: Params) => `end step "${p.id}" must not lead anywhere`,
  },
  'unknown-field': {
    'zh-CN': (p: Params) => `条件引用的字段“${p.field}”不在表单中`,
    en: (p: Params) => `the condition refers to field "${p.field}", which the form does not have`,
  },
} satisfies Record<string, Record<Locale, (p: Params) => string>>;

/** A code checkFlow may report. */
export type CheckFlowCode = keyof typeof checkFlowMessages;

/** Renders the message of `code` in `locale`. */
export function checkFlowMessage(code: CheckFlowCode, locale: Locale, params: Params = {}): string {
  return checkFlowMessages[code][locale](params);
}
