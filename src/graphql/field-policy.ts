/**
 * Field policy, declared on the field and read back from the built schema. A root field says
 *  - whether it needs a token: `@Public()` marks the few that do not (login, refreshToken, register);
 *  - whether its answers may be shared between callers: `@Cacheable()` (deterministic for its
 *    arguments, the same for every caller: the calculations);
 *  - its cost: type-graphql's `complexity` option of `@Query` / `@Mutation` (default 1).
 * For example `@Query(() => Chart, { complexity: 10 }) @Cacheable()`.
 *
 * They are field extensions (type-graphql `@Extensions`), not `@Authorized`: the access decision and
 * the cache lookup happen before execution (a cached answer still needs a token and still counts
 * against the quota), so they must be readable from the schema, and a per-call check would cost
 * time on every calculation.
 */
import { Extensions } from 'type-graphql';
import { Kind, type FieldNode, type GraphQLField } from 'graphql';

export interface FieldPolicy {
  /** Callable without a token. */
  public: boolean;
  /** Its answers may go to the calculation cache, shared by every caller. */
  cacheable: boolean;
  /** Cost of the field itself, added to the cost of its selection (query cost limit, quota). */
  cost: number;
  /**
   * A batch field: the list argument whose items are each priced like one call of the field
   * (`costPerItem`), and the most items it takes (a list given by a variable counts as that many).
   */
  perItem?: { argument: string; maxItems: number };
}

export { QUOTA_UNIT_COST, quotaUnits } from '../quota/quota.hook.js';

/** Cost of a field that declares no `complexity`. */
export const DEFAULT_FIELD_COST = 1;

/** Marks a root field callable without a token. */
export const Public = () => Extensions({ public: true });

/** Marks a root field whose answers depend on its arguments only (shared through the calculation cache). */
export const Cacheable = () => Extensions({ cacheable: true });

/**
 * Marks a batch field: each item of its list argument `argument` costs what one call costs (the
 * field's `complexity` plus its selection), in the cost limit and the quota. A list written in the
 * document counts its items; a list given by a variable counts as `maxItems`, since a document is
 * validated once for every set of variables. The resolver refuses more than `maxItems` items.
 */
export const CostPerItem = (argument: string, maxItems: number) => Extensions({ costPerItem: { argument, maxItems } });

/** How many calls a selection of a field stands for: 1, or the items of a batch field's list. */
export function callCount(policy: FieldPolicy, node: FieldNode): number {
  if (!policy.perItem) return 1;
  const value = node.arguments?.find((a) => a.name.value === policy.perItem!.argument)?.value;
  if (value?.kind === Kind.LIST) return Math.max(1, value.values.length);
  if (value?.kind === Kind.VARIABLE) return policy.perItem.maxItems;
  return 1;
}

/** The policy a field declares. Introspection fields are public, free and not cached. */
export function fieldPolicy(field: GraphQLField<unknown, unknown> | undefined, name: string): FieldPolicy {
  if (name.startsWith('__')) return { public: true, cacheable: false, cost: 0 };
  const extensions = field?.extensions ?? {};
  return {
    public: extensions.public === true,
    cacheable: extensions.cacheable === true,
    cost: typeof extensions.complexity === 'number' ? extensions.complexity : DEFAULT_FIELD_COST,
    ...(isPerItem(extensions.costPerItem) ? { perItem: extensions.costPerItem } : {}),
  };
}

function isPerItem(value: unknown): value is { argument: string; maxItems: number } {
  const v = value as { argument?: unknown; maxItems?: unknown } | undefined;
  return typeof v?.argument === 'string' && typeof v.maxItems === 'number';
}
