/**
 * Claims (认领) in DynamoDB: a department's claim of an item at a level, stored under the item
 * (`CLAIM#<claimId>`), found by id through the `lookup` index and listed under the department in
 * the `byDepartment` index — the rows that listing a department's items reads.
 */
import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { Claim } from '@banshi/schemas';
import { ConflictError, NotFoundError } from '../../../domain/errors.js';
import { INDEXES, keys, lookupKey } from '../table.js';
import { catalogTable } from './catalog-table.js';

export function createClaimStore(client: DynamoDBDocumentClient, tableName: string) {
  const table = catalogTable(client, tableName);
  return {
    /**
     * Writes a claim (认领) of an item by a department. `mode`: `upsert` (the default: seeding)
     * writes whatever is there; `create` only when no claim of that id exists; `replace` only when
     * one does.
     *
     * @throws ConflictError (`create`) when the claim exists; NotFoundError (`replace`) when it does not
     */
    async putClaim(claim: Claim, mode: 'upsert' | 'create' | 'replace' = 'upsert'): Promise<void> {
      const head = await table.readHead(claim.itemId);
      const type = head?.itemType ?? '00';
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...claim,
              PK: keys.item(claim.itemId),
              SK: keys.claim(claim.id),
              [INDEXES.lookup.pk]: keys.claim(claim.id),
              [INDEXES.byDepartment.pk]: keys.department(claim.departmentId),
              [INDEXES.byDepartment.sk]: `CLAIM#${claim.level}#${type}#${claim.itemId}#${claim.id}`,
            },
            ...(mode === 'create' ? { ConditionExpression: 'attribute_not_exists(PK)' } : {}),
            ...(mode === 'replace' ? { ConditionExpression: 'attribute_exists(PK)' } : {}),
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        if (mode === 'create') throw new ConflictError(`claim ${claim.id} exists already`, { cause: error });
        throw new NotFoundError('claim');
      }
    },

    /**
     * Deletes a claim of an item (and with it its index entries).
     *
     * @throws NotFoundError when the item has no such claim
     */
    async deleteClaim(itemId: string, claimId: string): Promise<void> {
      try {
        await client.send(
          new DeleteCommand({
            TableName: tableName,
            Key: { PK: keys.item(itemId), SK: keys.claim(claimId) },
            ConditionExpression: 'attribute_exists(PK)',
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) throw new NotFoundError('claim');
        throw error;
      }
    },

    /** The claims of an item. */
    listClaims(itemId: string): Promise<Claim[]> {
      return table.itemChildren<Claim>(itemId, 'CLAIM#');
    },

    /** A claim by its id, or undefined. */
    async getClaim(claimId: string): Promise<Claim | undefined> {
      const hit = await lookupKey(client, tableName, keys.claim(claimId));
      return hit ? table.getItem<Claim>(hit.PK, hit.SK) : undefined;
    },
  };
}

export type ClaimStore = ReturnType<typeof createClaimStore>;
