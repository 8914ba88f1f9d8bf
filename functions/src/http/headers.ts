/**
 * Reads a header whatever its case. API Gateway HTTP APIs lowercase header names and the local
 * server does too; a hand-built test event might not.
 */
export function headerOf(
  headers: Record<string, string | undefined> | null | undefined,
  name: string,
): string | undefined {
  if (!headers) return undefined;
  const lower = name.toLowerCase();
  if (Object.hasOwn(headers, lower)) return headers[lower];
  for (const key of Object.keys(headers)) if (key.toLowerCase() === lower) return headers[key];
  return undefined;
}

/**
 * The web app's Content-Security-Policy, one text for AWS (CloudFront's response headers policy in
 * infra/lib/banshi-stack.ts) and `npm start` (the local server): scripts only from the app's own
 * origin (no inline script), styles also inline (antd writes its component styles at run time,
 * CSS-in-JS), no framing (`frame-ancestors 'none'`), no plugins. `connectSources` are the origins
 * the browser may call besides its own (in AWS: the attachments bucket for presigned uploads,
 * Cognito's token endpoint).
 *
 * `'unsafe-eval'`: the form runtime validates in the browser with the server's own ajv, which
 * compiles each designer's JSON Schema to a function (`new Function`); without it the application
 * form fails to render (EvalError). ajv generates that code itself, from schemas, never from
 * applicants' input.
 *
 * @example contentSecurityPolicy(['https://bucket.s3.cn-north-1.amazonaws.com.cn'])
 */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    ['connect-src', "'self'", ...connectSources].join(' '),
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * The security headers the local server puts on every response (API and web app), as CloudFront's
 * response headers policy does in AWS — except HSTS, which means nothing on plain http://127.0.0.1.
 * A response that sets one of them itself (an attachment's sandboxing CSP) keeps its own.
 */
export const LOCAL_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': contentSecurityPolicy(),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
};
