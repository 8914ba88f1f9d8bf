import type { Case, Task, Locale } from '@banshi/schemas';
import { APPLICANT_ACTIONS } from '@banshi/schemas/core';
import { ConflictError, NotFoundError } from '../errors.js';
import type { FlowCommand } from '../flows/flow-context.js';
import { transition } from '../flows/transition.js';
import { authorize, type CaseResource } from '../permissions/policy.js';
import type { Principal } from '../permissions/principal.js';
import { actorOf, flowContext } from './case-context.js';
import { checkApplication, identityOfApplicant } from './check-application.js';
import type { CaseServices } from './ports.js';

export interface ActOnCaseInput extends Omit<FlowCommand, 'actor'> {
  /** The case version the actor saw; a stale one is answered with a conflict. */
  expectedVersion: number;
}

export interface CaseView {
  case: Case;
  openTasks: Task[];
}

/** The case as the policy sees it. */
export function caseResource(c: Case): CaseResource {
  return {
    kind: 'case',
    applicantId: c.applicant.userId,
    ...(c.agentId ? { agentId: c.agentId } : {}),
    departmentIds: [...new Set(Object.values(c.departments))],
  };
}

/**
 * Loads a case the principal may see, with its open tasks.
 *
 * @throws NotFoundError when it does not exist or the principal may not know it does
 */
export async function readCase(services: CaseServices, principal: Principal, caseId: string): Promise<CaseView> {
  const found = await services.cases.getCase(caseId);
  if (!found) throw new NotFoundError('case');
  authorize(principal, 'case:read', caseResource(found));
  return { case: found, openTasks: await services.cases.getOpenTasks(caseId) };
}

/**
 * Takes one action on a case on behalf of the principal: checks that they may, that the version
 * they saw is current, runs the flow engine on the case's pinned item version and commits the
 * change in one transaction (conditional on the version, so of two racing actors one wins).
 *
 * @throws ConflictError when `expectedVersion` is stale or another actor won the race
 * @throws ActionNotAllowedError when the flow or the case state does not allow the action
 * @throws ValidationError when resubmitted data breaks the pinned form
 */
export async function actOnCase(
  services: CaseServices,
  principal: Principal,
  caseId: string,
  input: ActOnCaseInput,
  locale: Locale,
): Promise<CaseView> {
  const { case: current, openTasks } = await readCase(services, principal, caseId);
  const stale = (version: number) => new ConflictError(`the case is at version ${version}, not ${input.expectedVersion}`);
  if (input.expectedVersion !== current.version) throw stale(current.version);
  if (APPLICANT_ACTIONS.includes(input.action)) {
    authorize(principal, 'case:act:applicant', caseResource(current));
  } else {
    const task = openTasks.find((t) => t.id === input.taskId);
    if (!task) {
      // The case and its tasks are two reads: another actor may have closed the task in between.
      const latest = await services.cases.getCase(caseId);
      if (latest && latest.version !== input.expectedVersion) throw stale(latest.version);
      throw new NotFoundError('task');
    }
    authorize(principal, 'task:act', { kind: 'task', departmentId: task.departmentId, role: task.role });
  }

  const version = await services.catalog.getVersion(current.itemId, current.itemVersion);
  if (!version) throw new NotFoundError('item version');
  const today = services.clock.today();
  const command: FlowCommand = { ...input, actor: actorOf(principal) };
  delete (command as Partial<ActOnCaseInput>).expectedVersion;

  if (input.action === 'resubmit' && input.data !== undefined) {
    // A correction may not change whom the case is about: the data stays bound to the identity recorded at submission.
    const identity = current.subject ? undefined : identityOfApplicant(current.applicant);
    command.data = checkApplication(version, input.data, identity, { locale, today });
  }

  const change = transition(flowContext(services, version.flow, today, services.clock.now().toISOString()), { case: current, openTasks }, command);
  await services.cases.commit(change);
  return change.next;
}
