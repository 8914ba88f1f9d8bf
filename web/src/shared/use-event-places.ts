/**
 * Where a history event happened, in words: the parallel branch and the department that acted, and
 * the tasks the change took out of other inboxes (a correction pauses the other branches; a refusal,
 * a join or a withdrawal cancels them). Shared by the applicant's and the staff's timelines.
 */
import { useMemo } from 'react';
import type { AuditEvent, BranchState, CorrectionRequest, LocalizedText } from '@banshi/schemas';
import { useI18n } from './i18n.js';

/** A task a change cancelled, as the engine records it in the event's `detail.cancelledTasks`. */
export interface CancelledTask {
  taskId: string;
  stepId: string;
  branchId?: string;
  departmentId: string;
  role: string;
}

/** The flow as far as the timeline needs it: step and branch names. */
export interface FlowNames {
  steps: { id: string; branches?: { id: string; name: LocalizedText }[] }[];
}

interface DepartmentNames {
  name: LocalizedText;
  shortName?: LocalizedText;
}

export interface EventPlaces {
  /** The department's (short) name, or its id until the departments are loaded. */
  department(id: string | undefined): string | undefined;
  /** "branch · department" of the task acted on, when the event names them. */
  where(event: AuditEvent): string | undefined;
  /** The tasks this event took out of other inboxes, as one sentence; undefined when none. */
  cancelled(event: AuditEvent): string | undefined;
  /** The department that asked for a correction, with its branch in a parallel review: 住建局（消防设计审查）. */
  askedBy(correction: Pick<CorrectionRequest, 'departmentId' | 'branchId'>, branches?: BranchState[]): string | undefined;
}

/** The cancelled tasks an event records. */
export function cancelledTasksOf(event: AuditEvent): CancelledTask[] {
  const listed = (event.detail as { cancelledTasks?: unknown } | undefined)?.cancelledTasks;
  return Array.isArray(listed) ? (listed as CancelledTask[]) : [];
}

/** Names for the places of the events, from the case's flow version and the departments. */
export function useEventPlaces(flow: FlowNames | undefined, departments: ReadonlyMap<string, DepartmentNames>): EventPlaces {
  const { t, text } = useI18n();
  return useMemo(() => {
    const department = (id: string | undefined) => {
      if (!id) return undefined;
      const found = departments.get(id);
      return found ? text(found.shortName ?? found.name) : id;
    };
    const branchName = (stepId: string | undefined, branchId: string | undefined) => {
      if (!branchId) return undefined;
      const named = flow?.steps.find((s) => s.id === stepId)?.branches?.find((b) => b.id === branchId)?.name;
      return named ? text(named) : branchId;
    };
    return {
      department,
      where: (event) => {
        const branch = event.branchName ? text(event.branchName) : branchName(event.stepId, event.branchId);
        const parts = [branch, department(event.departmentId ?? (event.actor.role === 'staff' ? event.actor.departmentId : undefined))];
        const shown = parts.filter((p): p is string => Boolean(p));
        return shown.length ? shown.join(' · ') : undefined;
      },
      cancelled: (event) => {
        const tasks = cancelledTasksOf(event);
        if (!tasks.length) return undefined;
        const list = tasks
          .map((task) => {
            const branch = branchName(task.stepId, task.branchId);
            const dept = department(task.departmentId);
            return branch ? t('history.taskOf', { branch, department: dept ?? '' }) : dept;
          })
          .join('、');
        return t(event.action === 'returnForCorrection' ? 'history.pausedTasks' : 'history.cancelledTasks', { list });
      },
      askedBy: (correction, branches) => {
        const branch = branches?.find((b) => b.id === correction.branchId);
        const dept = department(correction.departmentId ?? branch?.departmentId);
        if (!dept) return undefined;
        return branch ? t('history.taskOf', { branch: text(branch.name), department: dept }) : dept;
      },
    };
  }, [flow, departments, t, text]);
}
