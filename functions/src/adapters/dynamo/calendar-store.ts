/**
 * The national calendar as admins maintain it (keys: table.ts): one item per year
 * (`CALENDAR` / `YEAR#<yyyy>`) and per region and year (`CALENDAR` / `REGION#<yyyy>#<code>`), each
 * written together with its audit record (`CALAUDIT#<yyyy>` / `<at>#<id>`) in one transaction that
 * is conditional on the revision read before — so two admins saving at once cannot both win, and
 * no change goes unaudited. The whole `CALENDAR` partition is small and read by one Query.
 */
import { randomUUID } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Actor, LocalizedText } from '@banshi/schemas';
import type { DateRange, RegionArrangement, YearArrangement } from '../../domain/deadlines/index.js';
import { ConflictError } from '../../domain/errors.js';
import { keys, stripKeys } from './table.js';

/** Who changed a stored arrangement, and when; `revision` counts the changes (1 for the first). */
export interface Revision {
  revision: number;
  updatedAt: string;
  updatedBy: { userId: string; name: string };
}

export type StoredYear = YearArrangement & Revision;
export type StoredRegion = RegionArrangement & Revision;

/** Everything stored: the years and the region arrangements (few items; read whole). */
export interface StoredCalendar {
  years: StoredYear[];
  regions: StoredRegion[];
}

/** One audited change of the calendar: who, when, and the arrangement before (null: none) and after. */
export interface CalendarAuditRecord {
  id: string;
  at: string;
  actor: Actor;
  year: number;
  scope: 'national' | 'region';
  region?: string;
  before: YearArrangement | RegionArrangement | null;
  after: YearArrangement | RegionArrangement;
}

/** What a save writes: the arrangement's days, and optionally the revision the admin saw. */
export interface SaveInput {
  holidays: DateRange[];
  workingDays: DateRange[];
  /** The revision the editor started from (0: none stored); a different one is a 409. */
  expectedRevision?: number;
}

const YEAR_PREFIX = 'YEAR#';
const REGION_PREFIX = 'REGION#';

const plainYear = (s: StoredYear): YearArrangement => ({ year: s.year, holidays: s.holidays, workingDays: s.workingDays });
const plainRegion = (s: StoredRegion): RegionArrangement => ({ ...plainYear(s), region: s.region, name: s.name });

/**
 * The calendar store.
 *
 * @example
 * const store = createCalendarStore(createDocumentClient(), 'banshi');
 * await store.saveYear(2027, { holidays, workingDays }, actor, new Date().toISOString());
 */
export function createCalendarStore(client: DynamoDBDocumentClient, tableName: string) {
  async function get<T>(sk: string): Promise<T | undefined> {
    const out = await client.send(new GetCommand({ TableName: tableName, Key: { PK: keys.CALENDAR, SK: sk }, ConsistentRead: true }));
    return out.Item ? stripKeys<T>(out.Item) : undefined;
  }

  /** Writes `next` over `current` (conditional on its revision) with its audit record, atomically. */
  async function save<T extends Revision>(
    sk: string,
    current: T | undefined,
    next: Omit<T, keyof Revision>,
    input: SaveInput,
    audit: Omit<CalendarAuditRecord, 'id' | 'at' | 'actor' | 'before' | 'after'>,
    plain: (s: T) => YearArrangement | RegionArrangement,
    actor: Actor,
    at: string,
  ): Promise<{ stored: T; before: T | undefined }> {
    const revision = current?.revision ?? 0;
    if (input.expectedRevision !== undefined && input.expectedRevision !== revision) {
      throw new ConflictError(`the calendar is at revision ${revision}, not ${input.expectedRevision}`);
    }
    const stored = { ...next, revision: revision + 1, updatedAt: at, updatedBy: { userId: actor.userId, name: actor.name ?? actor.userId } } as T;
    const record: CalendarAuditRecord = {
      id: randomUUID(),
      at,
      actor,
      ...audit,
      before: current ? plain(current) : null,
      after: plain(stored),
    };
    try {
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: { ...stored, PK: keys.CALENDAR, SK: sk },
                ConditionExpression: current ? '#revision = :revision' : 'attribute_not_exists(PK)',
                ...(current ? { ExpressionAttributeNames: { '#revision': 'revision' }, ExpressionAttributeValues: { ':revision': revision } } : {}),
              },
            },
            {
              Put: {
                TableName: tableName,
                Item: { ...record, PK: keys.calendarAudit(audit.year), SK: `${at}#${record.id}` },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) throw new ConflictError('another admin changed the calendar at the same time', { cause: error });
      throw error;
    }
    return { stored, before: current };
  }

  return {
    /** Every stored year and region arrangement: one Query of the `CALENDAR` partition. */
    async loadAll(): Promise<StoredCalendar> {
      const result: StoredCalendar = { years: [], regions: [] };
      let start: Record<string, unknown> | undefined;
      do {
        const out = await client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': keys.CALENDAR },
            ExclusiveStartKey: start,
          }),
        );
        for (const item of out.Items ?? []) {
          const sk = String(item.SK);
          if (sk.startsWith(YEAR_PREFIX)) result.years.push(stripKeys<StoredYear>(item));
          else if (sk.startsWith(REGION_PREFIX)) result.regions.push(stripKeys<StoredRegion>(item));
        }
        start = out.LastEvaluatedKey;
      } while (start);
      return result;
    },

    /** The stored arrangement of a year, or undefined (the package's data applies). */
    getYear: (year: number) => get<StoredYear>(keys.calendarYear(year)),

    /** A region's stored arrangement of a year, or undefined. */
    getRegion: (year: number, region: string) => get<StoredRegion>(keys.calendarRegion(year, region)),

    /**
     * Stores a year's national arrangement (replacing the package's data for it) and its audit record.
     * @throws ConflictError when `expectedRevision` is stale or another save won the race (nothing written).
     */
    async saveYear(year: number, input: SaveInput, actor: Actor, at: string) {
      const sk = keys.calendarYear(year);
      const current = await get<StoredYear>(sk);
      return save<StoredYear>(sk, current, { year, holidays: input.holidays, workingDays: input.workingDays }, input, { year, scope: 'national' }, plainYear, actor, at);
    },

    /**
     * Stores a region's arrangement of a year and its audit record.
     * @throws ConflictError as `saveYear`.
     */
    async saveRegion(year: number, region: string, name: LocalizedText, input: SaveInput, actor: Actor, at: string) {
      const sk = keys.calendarRegion(year, region);
      const current = await get<StoredRegion>(sk);
      const next = { year, region, name, holidays: input.holidays, workingDays: input.workingDays };
      return save<StoredRegion>(sk, current, next, input, { year, scope: 'region', region }, plainRegion, actor, at);
    },

    /** The audit records of a year's calendar changes, newest first (up to `limit`). */
    async listAudit(year: number, limit = 50): Promise<CalendarAuditRecord[]> {
      const out = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.calendarAudit(year) },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      return (out.Items ?? []).map((item) => stripKeys<CalendarAuditRecord>(item));
    },
  };
}

export type CalendarStore = ReturnType<typeof createCalendarStore>;
