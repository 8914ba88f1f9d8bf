/**
 * A part of the stack (data, sign-in, functions, API, jobs, web): a construct that groups
 * resources for the reader and adds nothing to their logical IDs, so that grouping them never
 * replaces a deployed table, bucket, user pool or distribution (BanshiStack.allocateLogicalId).
 */
import { Names } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export class StackPart extends Construct {}

/** A detached tree that mirrors the paths asked about, so CDK itself computes their IDs. */
const mirror = new Construct(undefined as never, '');

/** CDK's logical ID of a construct path below a stack (its human part and hash). */
export function logicalIdOfPath(path: readonly string[]): string {
  let scope = mirror;
  for (const id of path) scope = (scope.node.tryFindChild(id) as Construct | undefined) ?? new Construct(scope, id);
  return Names.uniqueId(scope);
}

/** `Names.uniqueId` of a construct as if the stack had no parts (constructs that name things after a path use it). */
export function uniqueIdWithoutParts(construct: Construct): string {
  return logicalIdOfPath(
    construct.node.scopes
      .slice(1)
      .filter((scope) => !(scope instanceof StackPart))
      .map((scope) => scope.node.id),
  );
}
