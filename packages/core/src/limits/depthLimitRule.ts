import { Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext } from 'graphql';
import { tooComplex } from './tooComplex';

/**
 * Validation rule: rejects operations nested deeper than `maxDepth` (root fields are at depth 1).
 * Introspection (`__schema`, `__type`) is not counted: tools send deep introspection queries.
 * A fragment's depth is measured once per operation, so fragments spreading each other many times
 * cost no more than their text.
 */
export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const depth = selectionDepth(operation.selectionSet, context, new Map());
      if (depth > maxDepth) {
        context.reportError(tooComplex(`The query is ${depth} levels deep; the limit is ${maxDepth}. Split it into several queries.`, { depth, maxDepth }, operation));
      }
    },
  });
}

/** `fragmentDepths`: depth by fragment name, -1 while one is being measured (a cycle counts 0). */
function selectionDepth(set: SelectionSetNode | undefined, context: ValidationContext, fragmentDepths: Map<string, number>): number {
  let max = 0;
  for (const sel of set?.selections ?? []) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value === '__schema' || sel.name.value === '__type') continue;
      max = Math.max(max, 1 + selectionDepth(sel.selectionSet, context, fragmentDepths));
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, selectionDepth(sel.selectionSet, context, fragmentDepths));
    } else {
      const name = sel.name.value;
      let depth = fragmentDepths.get(name);
      if (depth === undefined) {
        fragmentDepths.set(name, -1);
        depth = selectionDepth(context.getFragment(name)?.selectionSet, context, fragmentDepths);
        fragmentDepths.set(name, depth);
      }
      max = Math.max(max, depth);
    }
  }
  return max;
}
