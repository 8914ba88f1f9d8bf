/**
 * The deadline sweep's notices (预警 / 超期) in the case's partition (`NOTICE#<taskId>#<dueDate>#<state>`,
 * table.ts). Each is written once (attribute_not_exists), so a sweep that runs twice, or is retried
 * by the scheduler, records nothing twice. The items reach the table's stream, where notification
 * consumers pick them up; the inbox keeps deriving deadline states at read time.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DeadlineNotice } from '../../domain/deadlines/deadline-notices.js';
import { keys, stripKeys } from './table.js';

/** The notice store. */
export function createDeadlineNoticeStore(client: DynamoDBDocumentClient, tableName: string) {
  return {
    /** Records a notice; resolves false when it had been recorded before. */
    async record(notice: DeadlineNotice, recordedAt: string): Promise<boolean> {
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...notice, recordedAt, PK: keys.case(notice.caseId), SK: keys.deadlineNotice(notice.taskId, notice.dueDate, notice.state) },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    /** The notices of a case, in key order. */
    async listForCase(caseId: string): Promise<(DeadlineNotice & { recordedAt: string })[]> {
      const out = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :notice)',
          ExpressionAttributeValues: { ':pk': keys.case(caseId), ':notice': 'NOTICE#' },
          ConsistentRead: true,
        }),
      );
      return (out.Items ?? []).map((item) => stripKeys<DeadlineNotice & { recordedAt: string }>(item));
    },
  };
}

/** The notice store's interface. */
export type DeadlineNoticeStore = ReturnType<typeof createDeadlineNoticeStore>;
