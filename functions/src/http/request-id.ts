import { randomUUID } from 'node:crypto';

const SAFE_ID = /^[A-Za-z0-9=_.:-]{1,128}$/;

/**
 * The id of a request, sent back as `x-request-id` and put on every log line: API Gateway's
 * request id, else Lambda's, else a fresh UUID.
 */
export function requestIdOf(
  event: { requestContext?: { requestId?: string } } | undefined,
  context?: { awsRequestId?: string },
): string {
  for (const candidate of [event?.requestContext?.requestId, context?.awsRequestId]) {
    if (typeof candidate === 'string' && SAFE_ID.test(candidate)) return candidate;
  }
  return randomUUID();
}
