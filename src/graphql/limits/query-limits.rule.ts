/**
 * Validation rules that refuse expensive operations before anything executes: maximum selection
 * depth and maximum estimated cost. Cost = Σ over every selected field of the cost it declares
 * (type-graphql's `complexity`, read back from the schema; 1 when it declares none; introspection
 * fields 0); fragments are expanded, so aliases and fragment reuse are counted every time they appear.
 */
import {
  GraphQLError,
  Kind,
  getNamedType,
  isObjectType,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { callCount, fieldPolicy } from '../field-policy.js';

interface Measure {
  cost: number;
  depth: number;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  visiting: Set<string>;
}

/** The object type named by a fragment's type condition (or the enclosing type without one). */
function conditionType(walk: Walk, condition: string | undefined, fallback: GraphQLObjectType | undefined): GraphQLObjectType | undefined {
  if (condition === undefined) return fallback;
  const type = walk.schema.getType(condition);
  return isObjectType(type) ? type : undefined;
}

function measure(walk: Walk, selectionSet: SelectionSetNode, parent: GraphQLObjectType | undefined, depth: number): Measure {
  let cost = 0;
  let maxDepth = depth;
  const add = (inner: Measure) => {
    cost += inner.cost;
    maxDepth = Math.max(maxDepth, inner.depth);
  };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name === '__typename') continue;
      const field = parent?.getFields()[name];
      const policy = fieldPolicy(field, name);
      // A batch field costs one call per item of its list (field-policy.ts, CostPerItem).
      const calls = callCount(policy, selection);
      cost += calls * policy.cost;
      if (selection.selectionSet) {
        const type = field ? getNamedType(field.type) : undefined;
        const inner = measure(walk, selection.selectionSet, isObjectType(type) ? type : undefined, depth + 1);
        add({ cost: calls * inner.cost, depth: inner.depth });
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      add(measure(walk, selection.selectionSet, conditionType(walk, selection.typeCondition?.name.value, parent), depth));
    } else {
      const name = selection.name.value;
      const fragment = walk.fragments.get(name);
      if (!fragment || walk.visiting.has(name)) continue; // unknown/cyclic fragments are reported by the standard rules
      walk.visiting.add(name);
      add(measure(walk, fragment.selectionSet, conditionType(walk, fragment.typeCondition.name.value, parent), depth));
      walk.visiting.delete(name);
    }
  }
  return { cost, depth: maxDepth };
}

function isIntrospectionOnly(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every(
    (s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'),
  );
}

/**
 * Builds the depth + cost rule.
 * @param maxDepth maximum nesting of field selections (root field = depth 1); introspection exempt
 * @param maxCost maximum estimated cost of one operation
 */
export function createQueryLimitsRule(maxDepth: number, maxCost: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    const schema = context.getSchema();
    return {
      OperationDefinition(node) {
        const root = schema.getRootType(node.operation) ?? undefined;
        if (!root) {
          // graphql-js would only find out at execution (an error without a code).
          context.reportError(
            new GraphQLError(`This service has no ${node.operation} operations`, { nodes: [node], extensions: { reason: 'OPERATION_NOT_SUPPORTED' } }),
          );
          return false;
        }
        const { cost, depth } = measure({ schema, fragments, visiting: new Set() }, node.selectionSet, root, 1);
        if (!isIntrospectionOnly(node) && depth > maxDepth) {
          context.reportError(
            new GraphQLError(`Query is too deep: depth ${depth} exceeds the maximum of ${maxDepth}`, {
              nodes: [node],
              extensions: { reason: 'QUERY_TOO_DEEP', depth, maxDepth },
            }),
          );
        }
        if (cost > maxCost) {
          context.reportError(
            new GraphQLError(
              `Query is too expensive: estimated cost ${cost} exceeds the maximum of ${maxCost} (MAX_QUERY_COST); split it into several requests`,
              { nodes: [node], extensions: { reason: 'QUERY_TOO_COSTLY', cost, maxCost } },
            ),
          );
        }
        return false;
      },
    };
  };
}
