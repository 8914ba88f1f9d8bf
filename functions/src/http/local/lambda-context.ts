/** The Lambda context a handler gets in the local server: a fixed local function and API Gateway's deadline. */
import type { Context } from 'aws-lambda';

/** API Gateway's limit; the handler may finish earlier. */
const INTEGRATION_TIMEOUT_MS = 30_000;

export function lambdaContext(requestId: string): Context {
  const deadline = Date.now() + INTEGRATION_TIMEOUT_MS;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'banshi-local',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:banshi-local',
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: '/banshi/local',
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
