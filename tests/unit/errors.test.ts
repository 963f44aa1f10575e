import { describe, expect, it } from 'vitest';
import { toError, ValidationError } from '../../src/errors.js';

describe('domain errors', () => {
  it('wraps a thrown string into an Error with that message', () => {
    const e = toError('bad date');
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toBe('bad date');
  });
  it('keeps the offending field on a validation error', () => {
    const e = new ValidationError('input.location.latitude', 'latitude must be within [-90, 90]');
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.field).toBe('input.location.latitude');
    expect(e.name).toBe('ValidationError');
  });
});
