/**
 * The policy of an operation, from the policies its root fields declare (../field-policy.ts) and
 * read back from the schema: which root fields it selects, whether it needs a token, whether its
 * answer may be shared through the calculation cache (and run compiled and on the fast path), and
 * what it costs the caller's quota. Worked out once per parsed operation.
 */
import { Kind, OperationTypeNode, type DocumentNode, type FieldNode, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { callCount, fieldPolicy, quotaUnits } from '../field-policy.js';

export interface OperationPolicy {
  /** The distinct root fields the operation selects (fragments expanded). */
  rootFields: string[];
  /** Some root field needs a token. */
  needsToken: boolean;
  /** A query whose root fields are all cacheable (so none is an introspection field). */
  cacheable: boolean;
  /**
   * Quota units charged for the operation: the complexity of every root field it selects (each
   * alias and fragment spread counted; a batch field's times its items) over QUOTA_UNIT_COST (a
   * chart), rounded up, at least 1.
   */
  quotaCost: number;
}

/** The root field occurrences of an operation (fragments and inline fragments expanded, aliases counted). */
function rootFieldOccurrences(operation: OperationDefinitionNode, document: DocumentNode): FieldNode[] {
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
    const occurrences = rootFieldOccurrences(operation, document);
    const rootFields = [...new Set(occurrences.map((node) => node.name.value))];
    const policyOf = (name: string) => fieldPolicy(rootType?.getFields()[name], name);
    const policies = rootFields.map(policyOf);
    return {
      rootFields,
      needsToken: policies.some((p) => !p.public),
      cacheable: operation.operation === OperationTypeNode.QUERY && policies.length > 0 && policies.every((p) => p.cacheable),
      quotaCost: quotaUnits(occurrences.map((node) => {
        const policy = policyOf(node.name.value);
        return policy.cost * callCount(policy, node);
      })),
    };
  }
}
