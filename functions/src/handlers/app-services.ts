/**
 * The composition root: every store, the clock, ids, the calendar and the blob store the route
 * handlers and the scheduled and stream functions use, built once from an `AppConfig`. A Lambda builds it from its environment
 * (`servicesFromEnvironment`, once per process, reused while warm); the local server and the tests
 * build their own, with their own client, clock and blob store, and hand it to the route table.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BlobStore } from '../adapters/blobs/blob-store.js';
import { randomBytes } from 'node:crypto';
import { createLocalBlobStore, newBlobId } from '../adapters/blobs/local-blob-store.js';
import { BLOB_BUCKET_ENV, createS3BlobStore } from '../adapters/blobs/s3-blob-store.js';
import { cachedCalendar, type CalendarSource } from '../adapters/cached-calendar.js';
import { cachedCatalog, type CachedCatalog } from '../adapters/cached-catalog.js';
import { systemClock, type Clock } from '../adapters/clock.js';
import { createCaseStore, type CaseStore } from '../adapters/dynamo/case-store.js';
import { createCalendarStore, type CalendarStore } from '../adapters/dynamo/calendar-store.js';
import { createCatalogStore, type CatalogStore } from '../adapters/dynamo/catalog-store.js';
import { createDocumentClient } from '../adapters/dynamo/client.js';
import { createDeadlineNoticeStore, type DeadlineNoticeStore } from '../adapters/dynamo/deadline-notice-store.js';
import { createDraftStore, type DraftStore } from '../adapters/dynamo/draft-store.js';
import { createDueDateStore, type DueDateStore } from '../adapters/dynamo/due-date-store.js';
import { createStatisticsWriter, type StatisticsWriter } from '../adapters/dynamo/statistics-writer.js';
import { newCaseId, newReceiptNo, newTaskId } from '../adapters/ids.js';
import type { CaseServices } from '../domain/cases/ports.js';
import type { Calendar } from '../domain/deadlines/index.js';

/** What the root is built from. */
export interface AppConfig {
  /** The document client of the table (DynamoDB Local or AWS). */
  client: DynamoDBDocumentClient;
  tableName: string;
  /** Default: the system clock. */
  clock?: Clock;
  /** Where attachments are kept. Default: a folder under `BANSHI_DATA_DIR`. */
  blobs?: BlobStore;
}

export interface AppServices extends CaseServices {
  /** The table the stores use (the health probe reads it directly). */
  table: { client: DynamoDBDocumentClient; name: string };
  cases: CaseStore;
  /** The submission path's catalog reads, cached per process. */
  catalog: CachedCatalog;
  catalogStore: CatalogStore;
  /** The calendar admins maintain (stored years and region arrangements). */
  calendarStore: CalendarStore;
  /** The stored calendar, cached per process; `calendar` reads the version it loaded last. */
  calendars: CalendarSource;
  /** Open tasks by due date, for recounting them after a calendar change. */
  dueDates: DueDateStore;
  /** Applicants' unfinished applications. */
  drafts: DraftStore;
  /** The deadline sweep's record of the notices it gave. */
  deadlineNotices: DeadlineNoticeStore;
  /** The statistics counters the table's stream keeps. */
  statisticsWriter: StatisticsWriter;
  /** Attachments: their metadata and bytes. */
  blobs: BlobStore;
  newBlobId(): string;
  newClaimId(): string;
  /**
   * The current calendar (package data with the years admins stored), read from the table at most
   * once a minute per process. Handlers that count working days await it before the domain runs.
   */
  loadCalendar(): Promise<Calendar>;
}

/** Builds every service the route handlers use from one configuration. */
export function createAppServices(config: AppConfig): AppServices {
  const { client, tableName } = config;
  const clock = config.clock ?? systemClock;
  const catalogStore = createCatalogStore(client, tableName);
  const calendarStore = createCalendarStore(client, tableName);
  const calendars = cachedCalendar(() => calendarStore.loadAll());
  // The domain gets a plain Calendar; it answers from the calendar loaded last, which every
  // handler that counts days refreshes first (`await loadCalendar()`).
  const calendar: Calendar = {
    isWorkingDay: (date, region) => calendars.latest().isWorkingDay(date, region),
    covers: (year) => calendars.latest().covers(year),
    get coveredYears() {
      return calendars.latest().coveredYears;
    },
    get regions() {
      return calendars.latest().regions;
    },
  };
  return {
    table: { client, name: tableName },
    cases: createCaseStore(client, tableName),
    catalog: cachedCatalog(catalogStore),
    catalogStore,
    clock: { now: () => clock.now(), today: () => clock.today() },
    ids: { newCaseId: () => newCaseId(clock.now()), newTaskId: () => newTaskId(clock.now()), newReceiptNo },
    calendar,
    calendarStore,
    calendars,
    dueDates: createDueDateStore(client, tableName),
    drafts: createDraftStore(client, tableName),
    deadlineNotices: createDeadlineNoticeStore(client, tableName),
    statisticsWriter: createStatisticsWriter(client, tableName),
    blobs: config.blobs ?? createLocalBlobStore(),
    newBlobId,
    newClaimId,
    loadCalendar: () => calendars.current(),
  };
}

/** A claim id nobody chose: `c-` and ten lower-case base-32 characters. */
function newClaimId(): string {
  const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
  return `c-${[...randomBytes(10)].map((b) => alphabet[b % 32]).join('')}`;
}

/**
 * The configuration a Lambda (or any process started without one) reads from its environment:
 * `DYNAMO_ENDPOINT` (DynamoDB Local; AWS when unset), `TABLE_NAME` (default `banshi`), and
 * `BANSHI_BLOB_BUCKET` — attachments in that S3 bucket, else in a folder under `BANSHI_DATA_DIR`.
 */
export function configFromEnvironment(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const client = createDocumentClient({ endpoint: env.DYNAMO_ENDPOINT || undefined });
  const tableName = env.TABLE_NAME || 'banshi';
  const bucket = env[BLOB_BUCKET_ENV];
  return { client, tableName, ...(bucket ? { blobs: createS3BlobStore({ dynamo: client, tableName, bucket }) } : {}) };
}

let fromEnvironment: AppServices | undefined;

/** The services of a Lambda (a route's, the deadline sweep's, the statistics stream's), built on first use. */
export function servicesFromEnvironment(): AppServices {
  fromEnvironment ??= createAppServices(configFromEnvironment());
  return fromEnvironment;
}
