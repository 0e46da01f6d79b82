import type { DocumentNode, GraphQLFormattedError } from 'graphql';
import type { FetchAnalysis, RootField } from './analyseFetch';
import { checkFieldAnswer } from './checkAnswer';
import { memberQuery, variablesFor } from './memberDocument';
import { mergeRootField, type FieldAnswer } from './mergeRootField';
import type { MemberInfo } from '../members/MemberInfo';
import { fieldError } from '../errors';
import { FILTER_ARGUMENT, ORDER_ARGUMENT, SORT_ORDERS } from './contractConventions';
import { membersConcerned, ownerOfArguments, sirenNamedByFilter, sirensInFilter, type OwnerFilter } from './owners';
import { collapseMemberErrors, fromMember, type RoutedResponse, type RoutingEnv } from './RoutingEnv';

interface FieldTargets {
  members: MemberInfo[];
  /** The member the client named explicitly (owner argument, or a one-SIREN filter). */
  named?: string;
}

/**
 * A root query fetch: each root field goes to the members it can concern (its owner when an
 * argument names one, else the members its filter can match), each member gets one request with
 * its fields, and the answers are merged per field.
 */
export async function routeQuery(env: RoutingEnv, analysis: FetchAnalysis, document: DocumentNode, operationName?: string | null): Promise<RoutedResponse> {
  const refused = analysis.rootFields.filter(inUnknownOrder);
  const fields = analysis.rootFields.filter((f) => !refused.includes(f));
  await env.members.ensureKnown(fields.flatMap(sirensNamed));
  const all = env.members.list();
  const targets = new Map<RootField, FieldTargets>(fields.map((f) => [f, targetsOf(f, all, env)]));

  const perMember = new Map<string, { member: MemberInfo; fields: RootField[]; forwardAuthorization: boolean }>();
  for (const field of fields) {
    const t = targets.get(field)!;
    for (const member of t.members) {
      const entry = perMember.get(member.siren) ?? { member, fields: [], forwardAuthorization: false };
      entry.fields.push(field);
      entry.forwardAuthorization ||= t.named === member.siren;
      perMember.set(member.siren, entry);
    }
  }
  const calls = [...perMember.values()];
  const results = await Promise.all(
    calls.map((call) => {
      const q = memberQuery(document, analysis, call.fields);
      return env.send(
        call.member,
        { query: q.query, variables: variablesFor(q, analysis.variables), operationName },
        {
          forwardAuthorization: call.forwardAuthorization,
          check: (data, hasErrors) => firstProblem(call.fields.map((f) => checkFieldAnswer(f, data, analysis.fragments, hasErrors))),
        },
      );
    }),
  );

  const data: Record<string, unknown> = {};
  const errors: GraphQLFormattedError[] = refused.map(unknownOrder);
  for (const field of refused) data[field.key] = null;
  const answersOf = new Map<RootField, Array<FieldAnswer & { call: number }>>(fields.map((f) => [f, []]));
  results.forEach((result, c) => {
    if (!result.ok) {
      errors.push(result.error);
      return;
    }
    for (const field of calls[c].fields) answersOf.get(field)!.push({ value: result.data[field.key], call: c });
  });
  const edgeIndexOf = new Map<string, (call: number, index: number) => number | undefined>();
  for (const field of fields) {
    if (field.kind === 'typename') {
      data[field.key] = 'Query';
      continue;
    }
    const answers = answersOf.get(field)!;
    const merged = mergeRootField(field, answers, analysis.fragments);
    data[field.key] = merged.value;
    if (merged.edgeIndex) {
      const edgeIndex = merged.edgeIndex;
      edgeIndexOf.set(field.key, (call, index) => edgeIndex(answers.findIndex((a) => a.call === call), index));
    }
  }
  results.forEach((result, c) => {
    if (!result.ok) return;
    for (const e of result.errors) errors.push(fromMember(e, calls[c].member, (path) => movePath(path, edgeIndexOf, c)));
  });
  return { data, errors: collapseMemberErrors(errors) };
}

function targetsOf(field: RootField, all: MemberInfo[], env: RoutingEnv): FieldTargets {
  if (field.kind === 'typename') return { members: [] };
  const owner = ownerOfArguments(field.args, field.route);
  if (owner !== undefined) {
    const member = owner === null ? undefined : env.members.get(owner);
    return { members: member ? [member] : [], named: member?.siren };
  }
  const filter = filterOf(field);
  return { members: membersConcerned(all, filter), named: sirenNamedByFilter(filter) };
}

/** SIRENs a root field names, so that an unknown one triggers a directory read. */
function sirensNamed(field: RootField): string[] {
  const owner = ownerOfArguments(field.args, field.route);
  return [...(owner ? [owner] : []), ...sirensInFilter(filterOf(field))];
}

function filterOf(field: RootField): OwnerFilter | undefined {
  const filter = field.args[FILTER_ARGUMENT];
  return filter && typeof filter === 'object' && !Array.isArray(filter) ? (filter as OwnerFilter) : undefined;
}

/**
 * A connection whose order the conventions do not know (a value added to the contract's enum
 * before `SORT_ORDERS`): merging it in a guessed direction would interleave the members' pages
 * wrongly without anyone noticing, so it is refused with a message saying so.
 */
function inUnknownOrder(field: RootField): boolean {
  return field.kind === 'connection' && field.direction === null;
}

function unknownOrder(field: RootField): GraphQLFormattedError {
  const known = Object.keys(SORT_ORDERS).join(', ');
  return fieldError(
    'BAD_USER_INPUT',
    `\`${field.name}(${ORDER_ARGUMENT}: ${String(field.args[ORDER_ARGUMENT])})\` cannot be served across member registries: the hub does not know in which direction this order sorts, so it cannot merge the members' pages. Use one of: ${known}.`,
    [field.key],
    { field: ORDER_ARGUMENT },
  );
}

/** Member paths index the member's own edges: move them to the merged page (or cut them short). */
function movePath(
  path: ReadonlyArray<string | number>,
  edgeIndexOf: Map<string, (call: number, index: number) => number | undefined>,
  call: number,
): ReadonlyArray<string | number> {
  const edgeIndex = edgeIndexOf.get(String(path[0]));
  if (!edgeIndex || typeof path[2] !== 'number') return path;
  const moved = edgeIndex(call, path[2]);
  return moved === undefined ? [path[0]] : [path[0], path[1], moved, ...path.slice(3)];
}

function firstProblem(problems: Array<string | null>): string | null {
  return problems.find((p) => p !== null) ?? null;
}
