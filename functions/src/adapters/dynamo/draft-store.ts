/**
 * Applicants' form drafts (草稿) in DynamoDB, so that an application started in one browser can be
 * resumed in another. One item per (user, service item, applicant represented):
 *
 *   PK `USER#<userId>`  SK `DRAFT#<itemId>#<forApplicantId | self>`  — `updatedAt`, TTL `expiresAt`.
 *
 * A draft is not checked against the form (it may be incomplete); the edge limits its size.
 */
import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TTL_ATTRIBUTE, keys } from './table.js';

/** How long an untouched draft is kept. */
export const DRAFT_TTL_SECONDS = 90 * 24 * 60 * 60;

/** Whose draft: the user who edits it, the service item, and the applicant an agent represents. */
export interface DraftKey {
  userId: string;
  itemId: string;
  /** The applicant an agent files for; absent for one's own application. */
  forApplicantId?: string;
}

export interface Draft {
  itemId: string;
  data: Record<string, unknown>;
  /** The form step the user was on. */
  step?: number;
  /** The Idempotency-Key the client will submit with, so a retry after a crash is still safe. */
  idempotencyKey?: string;
  onBehalfOf?: string;
  updatedAt: string;
}

export interface DraftStore {
  get(key: DraftKey): Promise<Draft | undefined>;
  put(key: DraftKey, draft: Draft): Promise<void>;
  /** Deletes the draft; deleting one that does not exist is not an error. */
  delete(key: DraftKey): Promise<void>;
}

const SELF = 'self';

/** The sort key of a draft. Item and applicant ids never contain `#` (they pass the id pattern). */
export const draftSortKey = (itemId: string, forApplicantId?: string) => `DRAFT#${itemId}#${forApplicantId ?? SELF}`;

/** The draft store on `tableName`. */
export function createDraftStore(client: DynamoDBDocumentClient, tableName: string, opts: { now?: () => Date } = {}): DraftStore {
  const now = opts.now ?? (() => new Date());
  const key = (k: DraftKey) => ({ PK: keys.user(k.userId), SK: draftSortKey(k.itemId, k.forApplicantId) });
  return {
    async get(k) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: key(k), ConsistentRead: true }));
      if (!Item) return undefined;
      // TTL deletion is lazy: an expired draft may still be there for a while.
      if (typeof Item[TTL_ATTRIBUTE] === 'number' && Item[TTL_ATTRIBUTE] * 1000 <= now().getTime()) return undefined;
      const { itemId, data, step, idempotencyKey, onBehalfOf, updatedAt } = Item as Draft;
      return {
        itemId,
        data,
        ...(step !== undefined ? { step } : {}),
        ...(idempotencyKey ? { idempotencyKey } : {}),
        ...(onBehalfOf ? { onBehalfOf } : {}),
        updatedAt,
      };
    },
    async put(k, draft) {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...key(k), ...draft, [TTL_ATTRIBUTE]: Math.floor(now().getTime() / 1000) + DRAFT_TTL_SECONDS },
        }),
      );
    },
    async delete(k) {
      await client.send(new DeleteCommand({ TableName: tableName, Key: key(k) }));
    },
  };
}
