import { ValidationError } from '../../src/errors.js';

/** The ValidationError `work` throws; fails the test when it throws anything else, or nothing. */
export function validationErrorOf(work: () => unknown): ValidationError {
  try {
    work();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError, but nothing was thrown');
}
