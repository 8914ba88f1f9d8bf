/**
 * What each API function may do, derived from its route in the one route table
 * (functions/src/handlers/routes.ts) by the route's tag and method — so no second list of routes
 * exists. Each rule names the exact DynamoDB and S3 actions the handlers of that kind call; the
 * assertion tests check every deployed function's policy against these and nothing more.
 *
 * DynamoDB actions are what IAM checks per item: a TransactWriteItems of Puts needs
 * `dynamodb:PutItem` (with its conditions), there is no `TransactWriteItems` action to grant.
 */
import type { RouteSpec } from '@banshi/functions/handlers/routes';

export type TableAction =
  | 'dynamodb:GetItem'
  | 'dynamodb:BatchGetItem'
  | 'dynamodb:Query'
  | 'dynamodb:PutItem'
  | 'dynamodb:UpdateItem'
  | 'dynamodb:DeleteItem';

export type BlobAction = 's3:GetObject' | 's3:PutObject';

export interface Access {
  /** Actions on the table (Query also on its indexes). */
  table: TableAction[];
  /** Actions on the attachments bucket's objects. */
  blobs: BlobAction[];
}

/** Reading the table: items by key, batches of keys, queries of the table and its indexes. */
const READ: TableAction[] = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];

const methodOf = (route: RouteSpec) => route.key.split(' ')[0];
const pathOf = (route: RouteSpec) => route.key.split(' ')[1];

/**
 * Routes that exist only in the local stack: the development sign-in (it refuses to run inside
 * Lambda; Cognito signs people in there).
 */
export function isLocalOnly(route: RouteSpec): boolean {
  return route.tag === 'auth' && !route.auth;
}

/** The access of one route's function. */
export function accessOf(route: RouteSpec): Access {
  const method = methodOf(route);
  const path = pathOf(route);
  const reads = method === 'GET';
  switch (route.tag) {
    case 'auth':
      // GET /api/me answers from the token's claims alone.
      return { table: [], blobs: [] };
    case 'catalog':
    case 'inbox':
    case 'supervision':
      return { table: READ, blobs: [] };
    case 'designer': {
      // The check and the dry-run read the draft; creating, saving and publishing write items.
      const readOnly = reads || /\/draft\/(check|dry-run)$/.test(path);
      return { table: readOnly ? READ : [...READ, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'], blobs: [] };
    }
    case 'cases':
      // Submitting and acting commit one transaction of Puts, link the attachments (UpdateItem on
      // their records, after confirming the uploaded object: s3:GetObject covers HeadObject too)
      // and discard the submitted draft (DeleteItem).
      return reads
        ? { table: READ, blobs: [] }
        : { table: [...READ, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'], blobs: ['s3:GetObject'] };
    case 'drafts':
      if (method === 'PUT') return { table: [...READ, 'dynamodb:PutItem'], blobs: [] };
      if (method === 'DELETE') return { table: [...READ, 'dynamodb:DeleteItem'], blobs: [] };
      return { table: READ, blobs: [] };
    case 'blobs':
      // Creating a blob signs an upload URL with the function's own role: it needs s3:PutObject.
      if (method === 'POST') return { table: ['dynamodb:PutItem'], blobs: ['s3:PutObject'] };
      if (method === 'PUT') return { table: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], blobs: ['s3:GetObject', 's3:PutObject'] };
      return { table: [...READ, 'dynamodb:UpdateItem'], blobs: ['s3:GetObject'] };
    case 'calendar':
      // Saving a year (or a region) Puts it with its audit record, then recounts open due dates:
      // an Update of each case's clock (conditional on its version) and Puts of its moved tasks.
      return reads ? { table: READ, blobs: [] } : { table: [...READ, 'dynamodb:PutItem', 'dynamodb:UpdateItem'], blobs: [] };
    case 'health':
      // One GetItem of a key no entity uses: whether the table answers.
      return { table: ['dynamodb:GetItem'], blobs: [] };
    default: {
      const tag: never = route.tag;
      throw new Error(`no access rule for routes tagged ${String(tag)}`);
    }
  }
}

/** Whether the function writes the table (its KMS grant then includes encryption). */
export function writesTable(access: Access): boolean {
  return access.table.some((a) => a === 'dynamodb:PutItem' || a === 'dynamodb:UpdateItem' || a === 'dynamodb:DeleteItem');
}
