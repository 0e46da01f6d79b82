import { GraphQLError, Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext } from 'graphql';

/**
 * Validation rule: rejects operations nested deeper than `maxDepth` (root fields are at depth 1).
 * Introspection (`__schema`, `__type`) is not counted: tools send deep introspection queries.
 */
export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const depth = selectionDepth(operation.selectionSet, context, new Set());
      if (depth > maxDepth) {
        context.reportError(
          new GraphQLError(`The query is ${depth} levels deep; the limit is ${maxDepth}. Split it into several queries.`, {
            nodes: [operation],
            extensions: { code: 'QUERY_TOO_COMPLEX', depth, maxDepth },
          }),
        );
      }
    },
  });
}

function selectionDepth(set: SelectionSetNode | undefined, context: ValidationContext, fragmentsOnPath: Set<string>): number {
  let max = 0;
  for (const sel of set?.selections ?? []) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value === '__schema' || sel.name.value === '__type') continue;
      max = Math.max(max, 1 + selectionDepth(sel.selectionSet, context, fragmentsOnPath));
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, selectionDepth(sel.selectionSet, context, fragmentsOnPath));
    } else {
      const name = sel.name.value;
      const fragment = context.getFragment(name);
      if (!fragment || fragmentsOnPath.has(name)) continue;
      fragmentsOnPath.add(name);
      max = Math.max(max, selectionDepth(fragment.selectionSet, context, fragmentsOnPath));
      fragmentsOnPath.delete(name);
    }
  }
  return max;
}
