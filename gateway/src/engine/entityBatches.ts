import {
  Kind, print, visit,
  type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLFormattedError, type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';

/**
 * One `_entities` field of a batched fetch, as a fetch of its own: the shape Apollo's planner
 * sends (`query($representations: [_Any!]!) { _entities(representations: $representations) { ... } }`),
 * which member routing reads.
 */
export interface EntityFetch {
  /** The field's response key in the batched fetch (`_e0`...). */
  alias: string;
  /** The batched fetch's variable holding this field's representations. */
  representationsVariable: string;
  document: DocumentNode;
  query: string;
}

const split = new WeakMap<DocumentNode, EntityFetch[] | null>();

/**
 * The router's planner batches entity fetches to one subgraph into one request, one aliased
 * `_entities` field each (`_e0: _entities(representations: $__batch_reps_0)`). For a data source
 * that reads one `_entities` field per fetch (member routing routes each representation to its
 * owner), the batch as separate fetches; null when the document is not such a batch. Worked out
 * once per fetch document.
 */
export function entityBatch(document: DocumentNode): EntityFetch[] | null {
  let fetches = split.get(document);
  if (fetches === undefined) {
    fetches = splitEntityBatch(document);
    split.set(document, fetches);
  }
  return fetches;
}

function splitEntityBatch(document: DocumentNode): EntityFetch[] | null {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || operations[0].operation !== 'query') return null;
  const [operation] = operations;
  const fields = operation.selectionSet.selections;
  if (fields.length < 2 || !fields.every((f): f is FieldNode => f.kind === Kind.FIELD && f.name.value === '_entities' && Boolean(f.alias))) return null;
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const result: EntityFetch[] = [];
  for (const field of fields) {
    const argument = field.arguments?.find((a) => a.name.value === 'representations');
    if (argument?.value.kind !== Kind.VARIABLE || !field.selectionSet) return null;
    const representationsVariable = argument.value.name.value;
    const { variables, fragmentNames } = usages(field.selectionSet, fragments);
    const entities: FieldNode = {
      kind: Kind.FIELD,
      name: field.name,
      arguments: [{ ...argument, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: 'representations' } } }],
      selectionSet: field.selectionSet,
    };
    const representationsDefinition = operation.variableDefinitions?.find((v) => v.variable.name.value === representationsVariable);
    if (!representationsDefinition) return null;
    const single: DocumentNode = {
      kind: Kind.DOCUMENT,
      definitions: [
        {
          kind: Kind.OPERATION_DEFINITION,
          operation: operation.operation,
          variableDefinitions: [
            { ...representationsDefinition, variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: 'representations' } } },
            ...(operation.variableDefinitions ?? []).filter((v) => variables.has(v.variable.name.value)),
          ],
          selectionSet: { kind: Kind.SELECTION_SET, selections: [entities] },
        },
        ...[...fragmentNames].map((name) => fragments.get(name)!),
      ],
    };
    result.push({ alias: field.alias!.value, representationsVariable, document: single, query: print(single) });
  }
  return result;
}

/** Variables and fragments a selection set uses, through the fragments it spreads. */
function usages(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): { variables: Set<string>; fragmentNames: Set<string> } {
  const variables = new Set<string>();
  const fragmentNames = new Set<string>();
  const walk = (node: SelectionSetNode) =>
    visit(node, {
      Variable: (v) => void variables.add(v.name.value),
      FragmentSpread: (s) => {
        const name = s.name.value;
        const fragment = fragments.get(name);
        if (fragmentNames.has(name) || !fragment) return;
        fragmentNames.add(name);
        walk(fragment.selectionSet);
      },
    });
  walk(selectionSet);
  return { variables, fragmentNames };
}

/** The batched fetch's answer from its fields' answers: each field's `_entities` under its alias, errors' paths likewise. */
export function mergeEntityAnswers(
  fetches: EntityFetch[],
  answers: Array<{ data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] }>,
): { data: Record<string, unknown>; errors: GraphQLFormattedError[] } {
  const data: Record<string, unknown> = {};
  const errors: GraphQLFormattedError[] = [];
  fetches.forEach(({ alias }, i) => {
    const answer = answers[i];
    data[alias] = answer.data?._entities ?? null;
    for (const e of answer.errors ?? []) errors.push(e.path?.[0] === '_entities' ? { ...e, path: [alias, ...e.path.slice(1)] } : e);
  });
  return { data, errors };
}
