/**
 * The Error `promise` rejects with; fails the test when it resolves or rejects with something that
 * is not an Error. The asynchronous counterpart of `validationErrorOf` (validation.ts).
 */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  let outcome: unknown;
  try {
    outcome = await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`expected a rejection with an Error, got ${String(error)}`, { cause: error });
  }
  throw new Error(`expected a rejection, but the promise resolved to ${String(outcome)}`);
}
