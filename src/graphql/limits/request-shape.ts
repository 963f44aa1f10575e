/**
 * Bounds on the shape of a request, checked before anything recursive sees it: the nesting of a
 * JSON body (variables, extensions) and of the GraphQL query text (brackets and braces). graphql-js
 * parses, validates and coerces recursively, and so do JSON.stringify and the cache keys, so a
 * body or query nested thousands of levels deep would overflow the stack; it is refused here with
 * BAD_REQUEST (HTTP 400) instead. Both checks are iterative and stop at the first level too many.
 */
import { BadRequestError } from '../../errors.js';

/** Deepest nesting of objects and arrays accepted in a JSON body (a chart input needs about 6). */
export const MAX_JSON_DEPTH = 64;

/** Deepest nesting of `{`, `[` and `(` accepted in a query text (selections, list and object values). */
export const MAX_QUERY_NESTING = 64;

/** True when `value` nests objects/arrays more than `max` levels deep. Iterative: no recursion. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: depth + 1 });
    }
  }
  return false;
}

/**
 * The deepest bracket nesting of a GraphQL text, skipping strings, block strings and comments.
 * Stops counting once past `max` (returns max + 1).
 */
export function queryNesting(text: string, max: number): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '#') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i += 1;
    } else if (c === '"') {
      if (text.startsWith('"""', i)) {
        const end = text.indexOf('"""', i + 3);
        i = end === -1 ? text.length : end + 2;
      } else {
        for (i += 1; i < text.length && text[i] !== '"' && text[i] !== '\n'; i += 1) if (text[i] === '\\') i += 1;
      }
    } else if (c === '{' || c === '[' || c === '(') {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > max) return deepest;
    } else if (c === '}' || c === ']' || c === ')') {
      depth = Math.max(0, depth - 1);
    }
  }
  return deepest;
}

/**
 * The refusal of a GraphQL request body (one operation or a batch array) nested too deep, or
 * undefined when it is within the bounds.
 */
export function graphqlBodyProblem(body: unknown): BadRequestError | undefined {
  if (nestsDeeperThan(body, MAX_JSON_DEPTH + 2)) {
    return new BadRequestError(`Request body nested too deep: variables and extensions may nest at most ${MAX_JSON_DEPTH} levels`);
  }
  const operations = Array.isArray(body) ? body : [body];
  for (const operation of operations) {
    const query = typeof operation === 'object' && operation !== null ? (operation as { query?: unknown }).query : undefined;
    if (typeof query === 'string' && queryNesting(query, MAX_QUERY_NESTING) > MAX_QUERY_NESTING) {
      return new BadRequestError(`Query nested too deep: brackets and braces may nest at most ${MAX_QUERY_NESTING} levels`);
    }
  }
  return undefined;
}

/** The refusal of any other JSON body nested too deep, or undefined. */
export function jsonBodyProblem(body: unknown): BadRequestError | undefined {
  return nestsDeeperThan(body, MAX_JSON_DEPTH + 2)
    ? new BadRequestError(`Request body nested too deep: at most ${MAX_JSON_DEPTH} levels`)
    : undefined;
}
