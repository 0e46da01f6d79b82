import { checkEntitiesAnswer } from './checkAnswer';
import type { FetchAnalysis } from './analyseFetch';
import { groupRepresentations, mergeSharedEntity, ownersNamed } from './groupRepresentations';
import type { MemberInfo } from '../members/MemberInfo';
import { fromMember, type RoutedResponse, type RoutingEnv } from './RoutingEnv';
import type { MemberRequest } from '../members/MemberTransport';
import type { GraphQLFormattedError } from 'graphql';

/**
 * An `_entities` fetch: each representation goes to its owner (one request per owner, in
 * parallel); representations of hub-owned entities go to every member and their answers are
 * merged. Answers come back in representation order; an entity whose owner is not a member, or
 * whose owner failed, is null.
 */
export async function routeEntities(env: RoutingEnv, analysis: FetchAnalysis, request: MemberRequest): Promise<RoutedResponse> {
  const representations = analysis.variables.representations;
  if (!Array.isArray(representations)) return { data: { _entities: [] }, errors: [] };
  await env.members.ensureKnown(ownersNamed(representations), { rememberUnknown: true });
  const groups = groupRepresentations(representations, (siren) => env.members.get(siren) !== undefined);
  const calls: Array<{ member: MemberInfo; indexes: number[] }> = [];
  for (const member of env.members.list()) {
    const indexes = [...(groups.byOwner.get(member.siren) ?? []), ...groups.shared];
    if (indexes.length) calls.push({ member, indexes });
  }
  const results = await Promise.all(
    calls.map(({ member, indexes }) =>
      env.send(
        member,
        { ...request, variables: { ...analysis.variables, representations: indexes.map((i) => representations[i]) } },
        { forwardAuthorization: false, check: (data, hasErrors) => checkEntitiesAnswer(data, indexes.length, hasErrors) },
      ),
    ),
  );
  const entities: unknown[] = representations.map(() => null);
  const shared = new Set(groups.shared);
  const sharedAnswers = new Map<number, unknown[]>(groups.shared.map((i) => [i, []]));
  const errors: GraphQLFormattedError[] = [];
  results.forEach((result, c) => {
    const { member, indexes } = calls[c];
    if (!result.ok) {
      errors.push(result.error);
      return;
    }
    const list = (result.data._entities as unknown[] | null | undefined) ?? [];
    list.forEach((entity, j) => {
      const i = indexes[j];
      if (shared.has(i)) sharedAnswers.get(i)!.push(entity);
      else entities[i] = entity;
    });
    // Member error paths are `["_entities", <index in what it was sent>, ...]`.
    for (const e of result.errors) {
      errors.push(fromMember(e, member, (path) => (path[0] === '_entities' && typeof path[1] === 'number' ? ['_entities', indexes[path[1]] ?? path[1], ...path.slice(2)] : path)));
    }
  });
  for (const [i, answers] of sharedAnswers) entities[i] = mergeSharedEntity(answers);
  return { data: { _entities: entities }, errors };
}
