/* eslint-disable */
/**
 * GENERATED from functions/src/api/response-schemas.ts — do not edit by hand.
 * Change the schema, then run `npm run generate`.
 */
import type {
  Actor,
  AuditEvent,
  Case,
  CaseStatus,
  Claim,
  Department,
  FieldError,
  FlowAction,
  Identifier,
  IsoDate,
  IsoDateTime,
  ItemDraft,
  ItemType,
  LocalizedText,
  Outcome,
  PrincipalRole,
  ServiceItem,
  Task,
  UseLevel,
} from '@banshi/schemas';

/**
 * RFC 9457 problem details; `title` in zh-CN or en from Accept-Language.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

export interface Health {
  status: 'ok';
  dynamo: 'up';
}

/**
 * A sample user as the sign-in list shows them: no ID or phone numbers.
 */
export interface PublicUser {
  id: Identifier;
  name: string;
  /**
   * @minItems 1
   */
  roles: PrincipalRole[];
  /**
   * staff: their department.
   */
  departmentId?: string;
  /**
   * staff: the flow roles they hold (staff roles of roles.json: window, reviewer, decider, disclosure).
   */
  staffRoles?: Identifier[];
  /**
   * applicant: a natural person or an enterprise/organisation.
   */
  kind?: 'person' | 'enterprise';
  /**
   * agent: the applicants (user ids) who authorised this agent.
   */
  agentFor?: string[];
}

export interface SignedIn {
  /**
   * A bearer token (JWT).
   */
  token: string;
  user: PublicUser;
}

export interface SampleUsers {
  items: PublicUser[];
}

/**
 * Who the token says the caller is.
 */
export interface Principal {
  userId: string;
  name: string;
  roles: PrincipalRole[];
  departmentId?: string;
  staffRoles?: string[];
  level?: string;
  region?: string;
  /**
   * applicant: a natural person or an enterprise/organisation.
   */
  kind?: 'person' | 'enterprise';
  onBehalfOf?: string[];
  idNumber?: string;
  creditCode?: string;
}

/**
 * The head of an item: what catalog lists show.
 */
export interface ItemSummary {
  itemId: string;
  name: LocalizedText;
  itemType: ItemType;
  useLevel: UseLevel[];
  status: 'draft' | 'published' | 'retired';
  /**
   * Grows by one with every saved draft.
   */
  revision: number;
  /**
   * The newest published version, if any.
   */
  latestVersion?: number;
  updatedAt: IsoDateTime;
}

/**
 * A page of the catalog.
 */
export interface CatalogPage {
  items: ItemSummary[];
  /**
   * Opaque; pass it back as `?cursor=` for the next page.
   */
  cursor?: string;
}

/**
 * The service guide of the newest published version, with its claims.
 */
export interface ItemGuide {
  itemId: string;
  version: number;
  publishedAt: IsoDateTime;
  item: ServiceItem;
  claims: Claim[];
}

/**
 * Published versions, newest first.
 */
export interface VersionList {
  items: {
    itemId: string;
    version: number;
    publishedAt: IsoDateTime;
    publishedBy: string;
  }[];
}

export interface ClaimList {
  items: Claim[];
}

/**
 * A page of departments.
 */
export interface DepartmentPage {
  items: Department[];
  /**
   * Opaque; pass it back as `?cursor=` for the next page.
   */
  cursor?: string;
}

/**
 * The saved draft and its revision.
 */
export type StoredItemDraft = ItemDraft & {
  revision: number;
};

/**
 * A saved draft: its new revision and what would stop publishing it.
 */
export interface DraftSaved {
  itemId: string;
  revision: number;
  /**
   * What would stop publishing (the draft is saved anyway).
   */
  problems: FieldError[];
}

export interface DraftCheck {
  ok: boolean;
  revision: number;
  problems: FieldError[];
}

/**
 * One step of a dry-run.
 */
export interface DryRunStep {
  /**
   * The action taken (`submit` first).
   */
  action: FlowAction | 'submit';
  /**
   * Where the case stood afterwards.
   */
  stepId: string;
  status: CaseStatus;
  dueDate?: IsoDate;
  openTasks: {
    stepId: string;
    branchId?: string;
    departmentId: string;
    role: string;
    dueDate: IsoDate;
  }[];
  /**
   * At a parallel step: each branch and its state.
   */
  branches?: {
    id: string;
    /**
     * paused: another branch returned the case for correction, so this branch's task was cancelled; it reopens when the applicant resubmits.
     */
    state: 'open' | 'approved' | 'rejected' | 'skipped' | 'cancelled' | 'paused';
  }[];
  effects: string[];
  /**
   * Why the engine refused the action; the run stops there.
   */
  refused?: string;
}

/**
 * The path sample data takes through the draft flow; nothing is stored.
 */
export interface DryRunResult {
  today: IsoDate;
  path: DryRunStep[];
}

export interface Published {
  itemId: string;
  version: number;
  publishedAt: IsoDateTime;
  fromVersion?: number;
}

/**
 * Unfinished cases per published version.
 */
export interface InFlight {
  itemId: string;
  versions: {
    version: number;
    inFlight: number;
  }[];
  total: number;
}

/**
 * overdue 已超期, dueSoon 即将到期, onTime 正常, paused 暂停计时, finished 已结束.
 */
export type DeadlineState = 'overdue' | 'dueSoon' | 'onTime' | 'paused' | 'finished';

/**
 * Where a deadline stands, derived at read time.
 */
export interface Deadline {
  state: DeadlineState;
  dueDate?: IsoDate;
  remainingWorkingDays?: number;
  /**
   * The due date reaches a year without holiday data: it may still move (暂定).
   */
  provisional?: true;
}

/**
 * A case with its deadline, as every case route answers it.
 */
export type CaseWithDeadline = Case & {
  deadline: Deadline;
};

/**
 * A case and its open tasks.
 */
export interface CaseView {
  case: CaseWithDeadline;
  openTasks: Task[];
}

export interface SubmittedCase {
  case: CaseWithDeadline;
}

/**
 * My applications (or, for an agent, those I filed), newest first.
 */
export interface MyCasesPage {
  items: CaseWithDeadline[];
  /**
   * Opaque; pass it back as `?cursor=` for the next page.
   */
  cursor?: string;
}

/**
 * Audit events, oldest first.
 */
export interface CaseHistory {
  items: AuditEvent[];
}

/**
 * An application draft (申请草稿), not checked against the form.
 */
export interface ApplicationDraft {
  itemId: string;
  data: {
    [k: string]: unknown;
  };
  /**
   * The form step the user was on.
   */
  step?: number;
  /**
   * The Idempotency-Key the client will submit with.
   */
  idempotencyKey?: string;
  onBehalfOf?: string;
  updatedAt: IsoDateTime;
}

/**
 * Where to upload a declared attachment.
 */
export interface BlobUpload {
  blobId: string;
  /**
   * Where to send the bytes, once.
   */
  uploadUrl: string;
  method: 'PUT';
  headers: {
    [k: string]: string;
  };
  maxBytes: number;
}

export interface StatisticsPage {
  departmentId: string;
  month: string;
  items: {
    departmentId: string;
    month: string;
    itemId: string;
    counters: {
      [k: string]: number;
    };
  }[];
}

/**
 * An open task with where its deadline stands.
 */
export type InboxTask = Task & {
  deadline: Deadline;
};

/**
 * Open tasks of my department and role, by due date.
 */
export interface InboxPage {
  today: IsoDate;
  items: InboxTask[];
  /**
   * Opaque; pass it back as `?cursor=` for the next page.
   */
  cursor?: string;
}

/**
 * A task I closed, with where its case stands now.
 */
export type HandledTask = Task & {
  /**
   * Where the case stands now.
   */
  case?: {
    status: CaseStatus;
    version: number;
    outcome?: Outcome;
  };
};

/**
 * The tasks I closed, newest first.
 */
export interface HandledPage {
  items: HandledTask[];
  /**
   * Opaque; pass it back as `?cursor=` for the next page.
   */
  cursor?: string;
}

export interface CalendarYears {
  today: IsoDate;
  reminderYear?: number;
  years: {
    year: number;
    source: 'stored' | 'package';
    revision?: number;
  }[];
  regions: {
    year: number;
    region: string;
    name: LocalizedText;
    revision?: number;
  }[];
}

export interface CalendarYearView {
  year: number;
  source: 'stored' | 'package' | 'none';
  revision: number;
  holidays: DateRange[];
  workingDays: DateRange[];
  regions: {
    [k: string]: unknown;
  }[];
}

/**
 * Days off or make-up working days, both ends included.
 */
export interface DateRange {
  name: string;
  from: IsoDate;
  to: IsoDate;
}

/**
 * What one recount of open due dates did; continue with `cursor` when not complete.
 */
export interface RecomputeReport {
  year: number;
  examined: number;
  casesChanged: number;
  tasksMoved: number;
  complete: boolean;
  cursor?: string;
}

export interface CalendarYearSaved {
  year: number;
  revision: number;
  holidays: DateRange[];
  workingDays: DateRange[];
  recompute: RecomputeReport;
}

export interface CalendarRegionSaved {
  year: number;
  region: string;
  name: LocalizedText;
  revision: number;
  holidays: DateRange[];
  workingDays: DateRange[];
  recompute: RecomputeReport;
}

export interface CalendarAudit {
  items: {
    id: string;
    at: IsoDateTime;
    actor: Actor;
    year: number;
    scope: 'national' | 'region';
    region?: string;
    before: {
      [k: string]: unknown;
    } | null;
    after: {
      [k: string]: unknown;
    };
  }[];
}
