import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';

/** An HTTP API payload 2.0 event as API Gateway would send it, for handler tests. */
export function makeEvent(
  method: string,
  path: string,
  options: { body?: string; headers?: Record<string, string>; isBase64Encoded?: boolean; rawQueryString?: string } = {},
): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: options.rawQueryString ?? '',
    headers: options.headers ?? {},
    body: options.body,
    isBase64Encoded: options.isBase64Encoded ?? false,
    requestContext: {
      accountId: 'test',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'req-test-1',
      routeKey: '$default',
      stage: '$default',
      time: new Date(0).toUTCString(),
      timeEpoch: 0,
    },
  };
}

export const context = {} as Context;
