import { Kind, valueFromASTUntyped, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode, type DirectiveNode } from 'graphql';

/** The fields of a selection set under one response key (several nodes when repeated). */
export interface CollectedField {
  key: string;
  name: string;
  nodes: FieldNode[];
}

export type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

/**
 * Flattens a selection set into its fields by response key, through inline fragments and fragment
 * spreads (type conditions are not checked: they only matter for abstract types, and merging
 * works on whatever the member returned). With `variables`, `@skip`/`@include` are applied.
 */
export function collectFields(selectionSet: SelectionSetNode | undefined, fragments: Fragments, variables?: Record<string, unknown>): CollectedField[] {
  const byKey = new Map<string, CollectedField>();
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const sel of set?.selections ?? []) {
      if (variables && !isIncluded(sel.directives, variables)) continue;
      if (sel.kind === Kind.FIELD) {
        const key = sel.alias?.value ?? sel.name.value;
        const existing = byKey.get(key);
        if (existing) existing.nodes.push(sel);
        else byKey.set(key, { key, name: sel.name.value, nodes: [sel] });
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        walk(sel.selectionSet);
      } else if (!visited.has(sel.name.value)) {
        visited.add(sel.name.value);
        walk(fragments.get(sel.name.value)?.selectionSet);
      }
    }
  };
  walk(selectionSet);
  return [...byKey.values()];
}

/** The fields selected under a collected field (all its nodes together). */
export function subFields(field: CollectedField, fragments: Fragments): CollectedField[] {
  const merged: SelectionSetNode = { kind: Kind.SELECTION_SET, selections: field.nodes.flatMap((n) => n.selectionSet?.selections ?? []) };
  return collectFields(merged, fragments);
}

function isIncluded(directives: readonly DirectiveNode[] | undefined, variables: Record<string, unknown>): boolean {
  for (const d of directives ?? []) {
    if (d.name.value !== 'skip' && d.name.value !== 'include') continue;
    const arg = d.arguments?.find((a) => a.name.value === 'if');
    const value = arg ? valueFromASTUntyped(arg.value, variables) : undefined;
    if (d.name.value === 'skip' && value === true) return false;
    if (d.name.value === 'include' && value === false) return false;
  }
  return true;
}
