/**
 * A limit declared on a field: at most `max` resolutions of it per GraphQL request (aliases and
 * fragments included). The next one is refused with BAD_USER_INPUT naming the field.
 */
import { GraphQLError } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';

/** @param what the plural noun of the message ("at most 10 wheels per request") */
export function atMostPerRequest(max: number, what: string): MiddlewareFn<object> {
  const counts = new WeakMap<object, number>();
  return async ({ context, info }, next) => {
    const count = (counts.get(context) ?? 0) + 1;
    counts.set(context, count);
    if (count > max) {
      throw new GraphQLError(`at most ${max} ${what} per request`, { extensions: { code: 'BAD_USER_INPUT', field: info.fieldName } });
    }
    const result: unknown = await next();
    return result;
  };
}
