import { GraphQLError, Kind, visit, type ASTNode, type DocumentNode } from 'graphql';

/**
 * Characters no BibIA text can hold, whatever the field: NUL (PostgreSQL refuses it in a text
 * value, error 22021) and unpaired UTF-16 surrogates (they have no UTF-8 encoding; the database
 * driver would silently store U+FFFD instead).
 */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The first character of `text` no text can hold, as `U+XXXX`; null when there is none. */
export function unstorableCharacter(text: string): string | null {
  const found = UNSTORABLE.exec(text);
  return found ? `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : null;
}

/**
 * Refuses a request whose document string literals or variables hold a character no text can
 * hold ({@link UNSTORABLE}), with BAD_USER_INPUT (HTTP 400) whose `extensions.field` names the
 * argument (`filter.search`), as the fields' own checks do: one check at the door of every server
 * rather than one per field that reaches SQL (a field forgotten was an internal error). Variables
 * are walked without recursion: their nesting is bounded only by the body size.
 */
export function checkStorableText(document: DocumentNode, variables: Record<string, unknown> | undefined): void {
  /** Where each variable is first used, as an argument path (`filter.search`). */
  const usedAt = new Map<string, string>();
  visit(document, {
    StringValue(node, _key, parent, _path, ancestors) {
      if (UNSTORABLE.test(node.value)) throw unstorable(argumentPath([...ancestors, parent!]) || 'a string of the document', node.value);
    },
    Variable(node, _key, parent, _path, ancestors) {
      const path = argumentPath([...ancestors, parent!]);
      if (path && !usedAt.has(node.name.value)) usedAt.set(node.name.value, path);
    },
  });
  // Paths are built only for the error: a path per value would be quadratic in the nesting.
  interface Entry {
    value: unknown;
    key: string;
    parent?: Entry;
  }
  const fieldOf = (e: Entry): string => {
    const keys: string[] = [];
    for (let at: Entry | undefined = e; at?.parent; at = at.parent) if (!Array.isArray(at.parent.value)) keys.push(at.key);
    keys.reverse();
    const [variable, ...rest] = keys;
    const start = usedAt.get(variable) ?? `variables.${variable}`;
    return [start, ...(rest.length > 8 ? [...rest.slice(0, 3), '…', ...rest.slice(-3)] : rest)].join('.');
  };
  const pending: Entry[] = [{ value: variables, key: '' }];
  while (pending.length) {
    const entry = pending.pop()!;
    const { value } = entry;
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) throw unstorable(fieldOf(entry), value);
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const child = { value: item, key, parent: entry };
        if (UNSTORABLE.test(key)) throw unstorable(fieldOf(child), key);
        pending.push(child);
      }
    }
  }
}

/** `filter.search` for a value inside `aiTools(filter: { search: … })` (from its ancestors, parent included); '' outside arguments. */
function argumentPath(ancestors: ReadonlyArray<ASTNode | ReadonlyArray<ASTNode>>): string {
  if (ancestors.some((a) => !Array.isArray(a) && (a as ASTNode).kind === Kind.VARIABLE_DEFINITION)) return '';
  return ancestors
    .filter((a): a is ASTNode => !Array.isArray(a) && ((a as ASTNode).kind === Kind.ARGUMENT || (a as ASTNode).kind === Kind.OBJECT_FIELD))
    .map((a) => (a as { name: { value: string } }).name.value)
    .join('.');
}

function unstorable(field: string, text: string): GraphQLError {
  const at = UNSTORABLE.exec(text)!.index;
  return new GraphQLError(`\`${field}\` contains an invalid character (${unstorableCharacter(text)}, at ${at}): no text may hold NUL or an unpaired surrogate.`, {
    extensions: { code: 'BAD_USER_INPUT', field, http: { status: 400 } },
  });
}
