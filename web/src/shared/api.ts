/**
 * The API client: JSON over fetch, the session's bearer token, Accept-Language from the chosen
 * language, and RFC 9457 problems turned into ApiError with their field errors.
 */
import type { FieldError } from '@banshi/schemas';
import type { Problem } from './api-types.generated.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly errors: FieldError[] = [],
    readonly detail?: string,
  ) {
    super(title);
    this.name = 'ApiError';
  }

  /** The problem's short code: the last segment of its `type`. */
  get code(): string {
    return this.type.split('/').pop() ?? '';
  }
}

let token: string | undefined = globalThis.localStorage?.getItem('banshi.token') ?? undefined;
let language = 'zh-CN';

export function setToken(next: string | undefined): void {
  token = next;
  if (next) localStorage.setItem('banshi.token', next);
  else localStorage.removeItem('banshi.token');
}

export function setLanguage(next: string): void {
  language = next;
}

export async function api<T>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        accept: 'application/json',
        'accept-language': language,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch {
    throw new ApiError(0, 'network', language === 'en' ? 'The network is unreachable' : '网络连接失败');
  }
  const text = await res.text();
  const body = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const problem = (body ?? {}) as Partial<Problem>;
    throw new ApiError(res.status, problem.type ?? 'unknown', problem.title ?? res.statusText, problem.errors ?? [], problem.detail);
  }
  return body as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
