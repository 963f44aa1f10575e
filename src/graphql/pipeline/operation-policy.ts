/**
 * The policy of an operation, from the policies its root fields declare (../field-policy.ts) and
 * read back from the schema: which root fields it selects, whether it needs a token, whether its
 * answer may be shared through the calculation cache (and run compiled and on the fast path), and
 * what it costs the caller's quota. Worked out once per parsed operation.
 */
import { Kind, OperationTypeNode, type DocumentNode, type FieldNode, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { callCount, fieldPolicy, type FieldPolicy } from '../field-policy.js';

export interface OperationPolicy {
  /** The distinct root fields the operation selects (fragments expanded). */
  rootFields: string[];
  /** Some root field needs a token. */
  needsToken: boolean;
  /** A query whose root fields are all cacheable (so none is an introspection field). */
  cacheable: boolean;
  /** Quota units of the operation: each root field's cost, at least 1, times its calls (a batch field's items). */
  quotaCost: number;
}

/** The root field selections of an operation (fragments and inline fragments expanded). */
function rootFieldNodes(operation: OperationDefinitionNode, document: DocumentNode): FieldNode[] {
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const nodes: FieldNode[] = [];
  const visit = (set: SelectionSetNode, seen: ReadonlySet<string>): void => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) nodes.push(s);
      else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet, seen);
      else if (!seen.has(s.name.value)) {
        const f = fragments.get(s.name.value);
        if (f) visit(f.selectionSet, new Set([...seen, s.name.value]));
      }
    }
  };
  visit(operation.selectionSet, new Set());
  return nodes;
}

/** Operation policies of one schema, remembered per parsed operation. */
export class OperationPolicies {
  private readonly known = new WeakMap<OperationDefinitionNode, OperationPolicy>();

  constructor(private readonly schema: GraphQLSchema) {}

  /** The policy of `operation` (a definition of `document`). */
  of(operation: OperationDefinitionNode, document: DocumentNode): OperationPolicy {
    let policy = this.known.get(operation);
    if (!policy) {
      policy = this.derive(operation, document);
      this.known.set(operation, policy);
    }
    return policy;
  }

  private derive(operation: OperationDefinitionNode, document: DocumentNode): OperationPolicy {
    const rootType = this.schema.getRootType(operation.operation);
    const nodes = rootFieldNodes(operation, document);
    // Each distinct root field once; a batch field as many calls as its list has items (the most
    // of its selections).
    const calls = new Map<string, { policy: FieldPolicy; calls: number }>();
    for (const node of nodes) {
      const name = node.name.value;
      const policy = calls.get(name)?.policy ?? fieldPolicy(rootType?.getFields()[name], name);
      calls.set(name, { policy, calls: Math.max(calls.get(name)?.calls ?? 0, callCount(policy, node)) });
    }
    const entries = [...calls.values()];
    return {
      rootFields: [...calls.keys()],
      needsToken: entries.some((e) => !e.policy.public),
      cacheable: operation.operation === OperationTypeNode.QUERY && entries.length > 0 && entries.every((e) => e.policy.cacheable),
      quotaCost: entries.reduce((sum, e) => sum + e.calls * Math.max(1, e.policy.cost), 0),
    };
  }
}
