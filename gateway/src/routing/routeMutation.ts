import type { DocumentNode, GraphQLFormattedError } from 'graphql';
import type { FetchAnalysis, RootField } from './analyseFetch';
import { checkFieldAnswer } from './checkAnswer';
import { memberQuery, variablesFor } from './memberDocument';
import type { MemberInfo } from '../members/MemberInfo';
import { ownerOfArguments } from './owners';
import { fromMember, type RoutedResponse, type RoutingEnv } from './RoutingEnv';
import { fieldError } from '../errors';
import { OWNER_ARGUMENTS } from './contractConventions';

/**
 * A mutation fetch: every field goes to exactly one member, the one its owner argument names (see
 * `MUTATION_FIELDS`), with the caller's `Authorization` header when its token was issued by that member (`publisherToken`) — and to no one else. Fields run in order; consecutive fields for the same member share one request.
 */
export async function routeMutation(env: RoutingEnv, analysis: FetchAnalysis, document: DocumentNode, operationName?: string | null): Promise<RoutedResponse> {
  const data: Record<string, unknown> = {};
  const errors: GraphQLFormattedError[] = [];
  await env.members.ensureKnown(analysis.rootFields.map((f) => ownerOfArguments(f.args, f.route)).filter((s): s is string => Boolean(s)));

  const groups: Array<{ member: MemberInfo; fields: RootField[] }> = [];
  for (const field of analysis.rootFields) {
    if (field.kind === 'typename') {
      data[field.key] = 'Mutation';
      continue;
    }
    const owner = ownerOfArguments(field.args, field.route);
    const member = owner ? env.members.get(owner) : undefined;
    if (!member) {
      data[field.key] = null;
      errors.push(unroutable(field, owner));
      continue;
    }
    const last = groups.at(-1);
    if (last && last.member.siren === member.siren) last.fields.push(field);
    else groups.push({ member, fields: [field] });
  }

  for (const { member, fields } of groups) {
    const q = memberQuery(document, analysis, fields);
    const result = await env.send(
      member,
      { query: q.query, variables: variablesFor(q, analysis.variables), operationName },
      {
        forwardAuthorization: true,
        check: (d, hasErrors) => fields.map((f) => checkFieldAnswer(f, d, analysis.fragments, hasErrors)).find((p) => p !== null) ?? null,
      },
    );
    if (!result.ok) {
      for (const f of fields) data[f.key] = null;
      errors.push({ ...result.error, path: fields.length === 1 ? [fields[0].key] : undefined });
      continue;
    }
    for (const f of fields) data[f.key] = result.data[f.key] ?? null;
    for (const e of result.errors) errors.push(fromMember(e, member));
  }
  return { data, errors };
}

function unroutable(field: RootField, owner: string | null | undefined): GraphQLFormattedError {
  if (owner === undefined) {
    const names = Object.keys(OWNER_ARGUMENTS).map((a) => `\`${a}\``).join(', ');
    return fieldError('BAD_USER_INPUT', `\`${field.name}\` names no member registry: it needs one of ${names} (a SIREN, or an id of the form <siren>:<slug>)`, [field.key]);
  }
  if (owner === null) {
    return fieldError('BAD_USER_INPUT', `\`${field.name}\`: the SIREN or id does not name a member registry (expected 9 digits, or <siren>:<slug>)`, [field.key]);
  }
  return fieldError('NOT_FOUND', `SIREN ${owner} is not a member of BibIA (or its registry is not active)`, [field.key], { siren: owner });
}
