import { describe, expect, it } from 'vitest';
import { FormDefinitionError } from '@banshi/forms';
import {
  ActionNotAllowedError,
  BadRequestError,
  BanshiError,
  ConflictError,
  DefinitionError,
  ForbiddenError,
  NotFoundError,
  ServiceUnavailableError,
  UnauthenticatedError,
  ValidationError,
} from '../../src/domain/errors.js';
import {
  IdempotencyKeyInvalidError,
  MethodNotAllowedError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from '../../src/http/errors.js';
import { createLogger } from '../../src/http/logger.js';
import { PROBLEMS, toProblem } from '../../src/http/problem.js';

const field = { pointer: '/applicant/idNumber', code: 'format', message: '身份证号码格式不正确' };

const cases: [string, BanshiError, number][] = [
  ['bad-request', new BadRequestError('unknown field', [field]), 400],
  ['validation-failed', new ValidationError([field]), 422],
  ['unauthenticated', new UnauthenticatedError(), 401],
  ['forbidden', new ForbiddenError(), 403],
  ['not-found', new NotFoundError('case'), 404],
  ['conflict', new ConflictError(), 409],
  ['action-not-allowed', new ActionNotAllowedError('approve', 'the case is waiting for correction'), 409],
  ['payload-too-large', new PayloadTooLargeError(262_144), 413],
  ['unsupported-media-type', new UnsupportedMediaTypeError('application/json'), 415],
  ['method-not-allowed', new MethodNotAllowedError(['GET', 'POST']), 405],
  ['idempotency-key-invalid', new IdempotencyKeyInvalidError(), 400],
  ['invalid-definition', new DefinitionError([field]), 422],
  ['service-unavailable', new ServiceUnavailableError('dynamodb'), 503],
];

const silent = createLogger({ level: 'silent' });

describe('toProblem', () => {
  it.each(cases.flatMap(([code, error, status]) => (['zh-CN', 'en'] as const).map((locale) => ({ code, error, status, locale }))))(
    'maps $code to $status with a $locale title',
    ({ code, error, status, locale }) => {
      const response = toProblem(error, locale);
      const body = JSON.parse(response.body);

      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(body.type).toBe(`https://banshi.local/problems/${code}`);
      expect(body.status).toBe(status);
      expect(body.title).toBe(PROBLEMS[code as keyof typeof PROBLEMS].title[locale]);
      if (locale === 'zh-CN') expect(body.title).toMatch(/[\u4e00-\u9fff]/);
      else expect(body.title).not.toMatch(/[\u4e00-\u9fff]/);
    },
  );

  it('lists one entry per field for a validation failure', () => {
    const body = JSON.parse(toProblem(new ValidationError([field, { ...field, pointer: '/mobile' }]), 'zh-CN').body);

    expect(body.errors).toEqual([field, { ...field, pointer: '/mobile' }]);
  });

  it('asks for a bearer token on 401 and lists the allowed methods on 405', () => {
    expect(toProblem(new UnauthenticatedError(), 'en').headers['www-authenticate']).toMatch(/^Bearer/);
    expect(toProblem(new MethodNotAllowedError(['GET', 'POST']), 'en').headers.allow).toBe('GET, POST');
  });

  it('asks to retry a 503 later and names no internal service in it', () => {
    const response = toProblem(new ServiceUnavailableError('dynamodb'), 'en');

    expect(response.headers['retry-after']).toMatch(/^\d+$/);
    expect(response.body).not.toMatch(/dynamo/i);
  });

  it('answers an unknown error with a bare 500 that leaks nothing', () => {
    const lines: string[] = [];
    const error = new Error('connect ECONNREFUSED 10.0.0.5:8000 for applicant 110101199003074578');

    const response = toProblem(error, 'en', { logger: createLogger({ sink: (line) => lines.push(line) }) });

    expect(response.statusCode).toBe(500);
    expect(JSON.parse(response.body)).toEqual({
      type: 'https://banshi.local/problems/internal',
      title: PROBLEMS.internal.title.en,
      status: 500,
    });
    expect(response.body).not.toMatch(/ECONNREFUSED|stack|at /);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('ECONNREFUSED');
    expect(lines[0]).not.toContain('110101199003074578');
  });

  it.each([
    ['a string', 'boom'],
    ['null', null],
    ['a BanshiError with an unmapped code', new BanshiError('internal', 'x')],
    ['a BanshiError with a made-up code', new BanshiError('teapot', 'x')],
  ])('answers %s with 500', (_, thrown) => {
    expect(toProblem(thrown, 'zh-CN', { logger: silent }).statusCode).toBe(500);
  });
});

describe('toProblem of a form that does not compile', () => {
  it('answers 422 invalid-definition with the problems, never a 500', () => {
    const res = toProblem(new FormDefinitionError(['schema/$defs/a refers to itself']), 'en');

    expect(res.statusCode).toBe(422);
    expect(JSON.parse(res.body)).toMatchObject({
      type: 'https://banshi.local/problems/invalid-definition',
      errors: [{ pointer: '', code: 'form-definition-invalid', message: 'schema/$defs/a refers to itself' }],
    });
  });
});
