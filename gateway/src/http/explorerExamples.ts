import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { REPO_ROOT } from '../paths';

/** One ready-to-run tab of the API explorer. */
export interface ExplorerExample {
  /** The operation's name, e.g. `SearchAiTools`. */
  name: string;
  kind: 'query' | 'mutation' | 'subscription';
  /** The operation and the fragments it uses, after the comment that introduces it in its file. */
  query: string;
  /** JSON of example variables. */
  variables: string;
}

export function defaultOperationsDir(): string {
  return path.join(REPO_ROOT, 'schema', 'operations');
}

/**
 * Variables that make the examples answer something on the demo hub (the README's examples).
 * Required variables of other operations are listed with `null`, for the reader to fill in.
 */
const EXAMPLE_VARIABLES: Record<string, Record<string, unknown>> = {
  SearchAiTools: { filter: { search: 'courrier' }, first: 10 },
  AiTool: { id: '216200410:tri-courrier-entrant' },
  Collectivite: { siren: '216200410', first: 5 },
  Collectivites: { filter: { departement: '62' }, first: 20 },
  AiProduct: { id: 'albert' },
  AiProducts: { first: 20 },
  LibraryStats: { filter: { region: '32' } },
  Changes: { since: '2025-01-01T00:00:00Z', first: 20 },
  ExportAiTools: { filter: { departement: '62' }, first: 20 },
  PublishAiTool: { id: '216200410:tri-courrier-entrant' },
};

const TOKEN_NOTE = '# Needs a token: add {"Authorization": "Bearer <token>"} under Headers.\n';

const KIND_ORDER = { query: 0, mutation: 1, subscription: 2 } as const;
/** Queries first, then mutations; the featured ones first, in this order, then the others in file order. */
const FEATURED = Object.keys(EXAMPLE_VARIABLES);
const rank = (e: ExplorerExample) => [FEATURED.includes(e.name) ? FEATURED.indexOf(e.name) : FEATURED.length, KIND_ORDER[e.kind]];

/**
 * The operations of `schema/operations` as explorer tabs (queries, then mutations), each with the fragments it spreads (transitively) and example variables.
 */
export function readExplorerExamples(dir: string = defaultOperationsDir()): ExplorerExample[] {
  // A deployment without the operations still has the explorer, with no ready tabs.
  if (!fs.existsSync(dir)) return [];
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort();
  const sources = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  const definitions = sources.flatMap((text) => parse(text).definitions.map((definition) => ({ definition, text })));
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const { definition } of definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const examples: ExplorerExample[] = [];
  for (const { definition, text } of definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name) continue;
    const used = fragmentsUsedBy(definition, fragments).map((f) => print(f));
    const comment = commentBefore(definition, text) + (definition.operation === 'mutation' ? TOKEN_NOTE : '');
    examples.push({
      name: definition.name.value,
      kind: definition.operation,
      query: `${comment}${[print(definition), ...used].join('\n\n')}\n`,
      variables: JSON.stringify(exampleVariables(definition), null, 2),
    });
  }
  return examples.sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[1] - rb[1] || ra[0] - rb[0];
  });
}

function fragmentsUsedBy(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const found = new Map<string, FragmentDefinitionNode>();
  const walk = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (!fragment || found.has(fragment.name.value)) return;
        found.set(fragment.name.value, fragment);
        walk(fragment);
      },
    });
  walk(operation);
  return [...found.values()];
}

/** The `#` lines right above the definition in its file (its description), kept as they are. */
function commentBefore(definition: DefinitionNode, text: string): string {
  const lines = text.slice(0, definition.loc?.start ?? 0).split('\n');
  lines.pop(); // the start of the definition's own line
  const comment: string[] = [];
  while (lines.length && lines[lines.length - 1].startsWith('#')) comment.unshift(lines.pop()!);
  return comment.length ? `${comment.join('\n')}\n` : '';
}

function exampleVariables(operation: OperationDefinitionNode): Record<string, unknown> {
  const example = EXAMPLE_VARIABLES[operation.name!.value] ?? {};
  const variables: Record<string, unknown> = {};
  for (const v of operation.variableDefinitions ?? []) {
    const name = v.variable.name.value;
    if (name in example) variables[name] = example[name];
    else if (v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue) variables[name] = null;
  }
  return variables;
}
