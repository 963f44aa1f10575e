/**
 * Per-root-field policy: whether a field needs a token, whether its answers may go to the shared
 * response cache, and its estimated cost. Teammates register their root fields here (one line),
 * e.g. `registerRootField('login', { public: true })` or
 * `registerRootField('progressions', { cacheable: true, cost: 20 })`.
 * Unregistered fields require authentication, are not cached, and cost DEFAULT_FIELD_COST.
 */
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { rootFieldNames } from './plugins/root-fields.js';

export interface RootFieldPolicy {
  /** Callable without a token (login, refresh). Default false. */
  public?: boolean;
  /** Deterministic for its arguments and the same for every caller: share through the response cache. */
  cacheable?: boolean;
  /** Cost of the field itself, added to the cost of its selection. Default DEFAULT_FIELD_COST. */
  cost?: number;
}

/** Cost of any field without a registered policy. */
export const DEFAULT_FIELD_COST = 1;

const policies = new Map<string, RootFieldPolicy>();

/** Registers (or replaces) the policy of a Query/Mutation root field by name. */
export function registerRootField(name: string, policy: RootFieldPolicy): void {
  policies.set(name, policy);
}

/** The policy of a root field, or the defaults. Introspection fields are public and free. */
export function rootFieldPolicy(name: string): Required<RootFieldPolicy> {
  if (name.startsWith('__')) return { public: true, cacheable: false, cost: 0 };
  const p = policies.get(name);
  return { public: p?.public ?? false, cacheable: p?.cacheable ?? false, cost: p?.cost ?? DEFAULT_FIELD_COST };
}

/**
 * True when the operation is a query whose root fields are all cacheable (so none is an
 * introspection field): the response cache, the compiled executor and the fast path serve these.
 */
export function isCacheableQuery(operation: OperationDefinitionNode, document: DocumentNode): boolean {
  if (operation.operation !== 'query') return false;
  const fields = rootFieldNames(operation, document);
  return fields.length > 0 && fields.every((f) => rootFieldPolicy(f).cacheable);
}

// The calculation queries of this issue: authenticated, cacheable, ten units each on top of the
// fields they select (a full chart selection costs about 50, so MAX_QUERY_COST 1000 allows ~20
// charts per request and refuses 200 aliased charts).
for (const name of ['chart', 'positions', 'houses', 'aspects']) {
  registerRootField(name, { cacheable: true, cost: 10 });
}
