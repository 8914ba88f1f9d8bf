import type { Actor, JsonLogicRule, FlowDefinition } from '@banshi/schemas';
import type { Calendar } from '../deadlines/index.js';

/**
 * What the flow engine needs from the world, passed in so that the engine stays a pure function:
 * the pinned flow, the calendar, the current day and instant, a JSON Logic evaluator (the same one
 * the form runtime uses) and an id source.
 */
export interface FlowContext {
  flow: FlowDefinition;
  calendar: Calendar;
  /** Today in the region's time zone (YYYY-MM-DD). */
  today: string;
  /** The current instant, ISO 8601. */
  now: string;
  /** Evaluates a JSON Logic condition against the case data; truthy means it holds. */
  evaluate: (rule: JsonLogicRule, data: Record<string, unknown>) => boolean;
  newTaskId: () => string;
}

/** One thing a person asks the engine to do to a case. */
export interface FlowCommand {
  action: import('@banshi/schemas').FlowAction;
  actor: Actor;
  /** The open task acted on (staff actions). */
  taskId?: string;
  comment?: string;
  /** returnForCorrection: what the applicant must fix. */
  correction?: { pointer?: string; message: string }[];
  /** extend: working days to add. */
  extensionDays?: number;
  /** suspend: specialProcedure code and reason. */
  procedure?: string;
  reason?: string;
  /** resubmit: the corrected application data, already validated by the form runtime. */
  data?: Record<string, unknown>;
}
