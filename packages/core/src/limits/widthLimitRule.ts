import { Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext } from 'graphql';
import { tooComplex } from './tooComplex';

interface Width {
  fields: number;
  aliases: number;
}

/**
 * Validation rule: rejects operations that select more than `maxFields` fields or more than
 * `maxAliases` aliased fields, counted with fragments expanded (a fragment spread ten times
 * counts ten times, yet is measured once). One alias per root field is one resolver run per
 * alias: 5,000 aliases of `aiTools` are 5,000 SQL queries. Introspection is not counted.
 */
export function widthLimitRule(limits: { maxAliases: number; maxFields: number }) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const { fields, aliases } = selectionWidth(operation.selectionSet, context, new Map());
      if (aliases > limits.maxAliases) {
        context.reportError(tooComplex(`The query has ${aliases} aliases; the limit is ${limits.maxAliases}. Send fewer fields under other names, or several queries.`, { aliases, maxAliases: limits.maxAliases }, operation));
      } else if (fields > limits.maxFields) {
        context.reportError(tooComplex(`The query selects ${fields} fields; the limit is ${limits.maxFields}. Split it into several queries.`, { fields, maxFields: limits.maxFields }, operation));
      }
    },
  });
}

function selectionWidth(set: SelectionSetNode | undefined, context: ValidationContext, fragmentWidths: Map<string, Width>): Width {
  const width: Width = { fields: 0, aliases: 0 };
  const add = (w: Width) => {
    width.fields += w.fields;
    width.aliases += w.aliases;
  };
  for (const sel of set?.selections ?? []) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value === '__schema' || sel.name.value === '__type') continue;
      width.fields += 1;
      if (sel.alias && sel.alias.value !== sel.name.value) width.aliases += 1;
      add(selectionWidth(sel.selectionSet, context, fragmentWidths));
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      add(selectionWidth(sel.selectionSet, context, fragmentWidths));
    } else {
      const name = sel.name.value;
      let w = fragmentWidths.get(name);
      if (!w) {
        // A cycle (refused by standard validation anyway) counts 0 on its second visit.
        fragmentWidths.set(name, { fields: 0, aliases: 0 });
        w = selectionWidth(context.getFragment(name)?.selectionSet, context, fragmentWidths);
        fragmentWidths.set(name, w);
      }
      add(w);
    }
  }
  return width;
}
