/**
 * The TypeScript client's retry policy and error mapping (clients/typescript/src): Retry-After
 * parsing (RFC 9110 §10.2.3: delay-seconds or an HTTP-date), waits that never undercut the
 * server's Retry-After, bounded jittered backoff without it, option bounds, the abortable sleep,
 * the code of a response without extensions.code, the operation name.
 */
import { describe, expect, it } from 'vitest';
import { errorCodeOf, operationNameOf, parseRetryAfter, resolveRetryOptions, retryDelayMs, ChartDocument, MeDocument } from '../../clients/typescript/src/index.js';
import { sleep } from '../../clients/typescript/src/retry.js';

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP-dates, and nothing else', () => {
    expect(parseRetryAfter('3')).toBe(3);
    expect(parseRetryAfter(' 0 ')).toBe(0);
    expect(parseRetryAfter('3600')).toBe(3600);
    const date = 'Wed, 21 Oct 2015 07:28:00 GMT'; // RFC 9110's example
    const at = Date.parse(date);
    expect(parseRetryAfter(date, at - 5500)).toBe(6); // 5.5 s ahead: rounded up, never early
    expect(parseRetryAfter(date, at + 10_000)).toBe(0); // in the past
    for (const bad of ['1.5', '-1', '', 'soon', '2015-10-21', null, undefined]) expect(parseRetryAfter(bad), String(bad)).toBeUndefined();
  });
});

describe('retryDelayMs', () => {
  const fixed = (r: number) => resolveRetryOptions({ baseDelayMs: 100, maxDelayMs: 5000, random: () => r });

  it('waits at least the Retry-After, plus at most 10% + 100 ms of jitter', () => {
    expect(retryDelayMs(1, 2, fixed(0))).toBe(2000);
    expect(retryDelayMs(1, 2, fixed(0.5))).toBe(2150);
    const top = retryDelayMs(1, 2, fixed(0.999_999))!;
    expect(top).toBeGreaterThan(2299);
    expect(top).toBeLessThan(2300);
    expect(retryDelayMs(3, 0, fixed(0.5))).toBe(50);
  });

  it('does not wait for a Retry-After beyond maxDelayMs', () => {
    expect(retryDelayMs(1, 5, fixed(0))).toBe(5000);
    expect(retryDelayMs(1, 6, fixed(0))).toBeUndefined();
    expect(retryDelayMs(1, 3600, resolveRetryOptions())).toBeUndefined();
  });

  it('backs off exponentially with equal jitter, capped, when there is no Retry-After', () => {
    const expected = [[50, 100], [100, 200], [200, 400], [400, 800], [2500, 5000], [2500, 5000]];
    const attempts = [1, 2, 3, 4, 7, 20];
    expect(attempts).toHaveLength(expected.length);
    attempts.forEach((attempt, i) => {
      expect(retryDelayMs(attempt, undefined, fixed(0)), `attempt ${attempt} low`).toBe(expected[i][0]);
      expect(retryDelayMs(attempt, undefined, fixed(0.999_999))!, `attempt ${attempt} high`).toBeCloseTo(expected[i][1], 1);
    });
  });
});

describe('resolveRetryOptions', () => {
  it('defaults to 4 attempts on 429 and 503, waits up to 30 s', () => {
    const o = resolveRetryOptions();
    expect([o.maxAttempts, o.baseDelayMs, o.maxDelayMs, [...o.retryOn]]).toEqual([4, 250, 30_000, [429, 503]]);
  });

  it('refuses unbounded or nonsensical settings', () => {
    for (const maxAttempts of [0, 11, 1.5, Number.NaN]) expect(() => resolveRetryOptions({ maxAttempts })).toThrow(RangeError);
    expect(() => resolveRetryOptions({ baseDelayMs: -1 })).toThrow(RangeError);
    expect(() => resolveRetryOptions({ baseDelayMs: 500, maxDelayMs: 100 })).toThrow(RangeError);
    expect(() => resolveRetryOptions({ maxDelayMs: Number.NaN })).toThrow(RangeError);
  });
});

describe('sleep', () => {
  it('rejects with the signal reason as soon as it aborts', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const waiting = sleep(10_000, controller.signal);
    setTimeout(() => controller.abort(new Error('stop')), 20);
    await expect(waiting).rejects.toThrow('stop');
    expect(performance.now() - started).toBeLessThan(2000);
    await expect(sleep(10, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('errorCodeOf and operationNameOf', () => {
  it('keeps a known extensions.code and derives one from the status otherwise', () => {
    expect(errorCodeOf(200, 'BAD_USER_INPUT')).toBe('BAD_USER_INPUT');
    expect(errorCodeOf(400, 'TRUSTED_DOCUMENT_REQUIRED')).toBe('TRUSTED_DOCUMENT_REQUIRED');
    const byStatus: [number, string][] = [[401, 'UNAUTHENTICATED'], [403, 'FORBIDDEN'], [404, 'NOT_FOUND'], [413, 'BAD_REQUEST'], [429, 'RATE_LIMITED'], [502, 'INTERNAL_SERVER_ERROR'], [503, 'SERVICE_UNAVAILABLE']];
    for (const [status, code] of byStatus) expect(errorCodeOf(status, undefined), String(status)).toBe(code);
    expect(errorCodeOf(503, 'SOMETHING_NEW')).toBe('SERVICE_UNAVAILABLE');
  });

  it('names the first operation of a document', () => {
    expect(operationNameOf(String(ChartDocument))).toBe('Chart');
    expect(operationNameOf(String(MeDocument))).toBe('Me');
    expect(operationNameOf('# comment\n mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }')).toBe('Login');
    expect(operationNameOf('{ __typename }')).toBeUndefined();
  });
});
