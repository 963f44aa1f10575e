/**
 * Validation rules that refuse expensive operations before anything executes: maximum selection
 * depth and maximum estimated cost. Cost = Σ over every selected field of its cost (root fields
 * from operation-policy.ts, other fields 1); fragments are expanded, so aliases and fragment
 * reuse are counted every time they appear.
 */
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { DEFAULT_FIELD_COST, rootFieldPolicy } from '../operation-policy.js';

interface Measure {
  cost: number;
  depth: number;
}

function measure(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  depth: number,
  isRoot: boolean,
  visiting: Set<string>,
): Measure {
  let cost = 0;
  let maxDepth = depth;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name === '__typename') continue;
      cost += isRoot ? rootFieldPolicy(name).cost : name.startsWith('__') ? 0 : DEFAULT_FIELD_COST;
      if (selection.selectionSet) {
        const inner = measure(selection.selectionSet, fragments, depth + 1, false, visiting);
        cost += inner.cost;
        maxDepth = Math.max(maxDepth, inner.depth);
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const inner = measure(selection.selectionSet, fragments, depth, isRoot, visiting);
      cost += inner.cost;
      maxDepth = Math.max(maxDepth, inner.depth);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || visiting.has(name)) continue; // unknown/cyclic fragments are reported by the standard rules
      visiting.add(name);
      const inner = measure(fragment.selectionSet, fragments, depth, isRoot, visiting);
      visiting.delete(name);
      cost += inner.cost;
      maxDepth = Math.max(maxDepth, inner.depth);
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
    return {
      OperationDefinition(node) {
        const { cost, depth } = measure(node.selectionSet, fragments, 1, true, new Set());
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
