import { HeaderMap, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import type { IndexPrisma } from '../storage';
import type { ActiveMembers } from '../members/ActiveMembers';

/** A member whose content may be old: its last successful harvest (null: never). */
export interface StaleMember {
  siren: string;
  harvestedAt: string | null;
}

/** Members listed now whose last successful harvest is older than `staleAfterMs`. */
export async function staleMembers(prisma: IndexPrisma, members: ActiveMembers, staleAfterMs: number): Promise<StaleMember[]> {
  const listed = members.list().map((m) => m.siren);
  if (!listed.length) return [];
  const states = new Map((await prisma.harvestState.findMany({ where: { siren: { in: listed } }, select: { siren: true, lastSuccessAt: true } })).map((s) => [s.siren, s.lastSuccessAt]));
  const cutoff = Date.now() - staleAfterMs;
  return listed
    .map((siren) => ({ siren, at: states.get(siren) ?? null }))
    .filter(({ at }) => !at || at.getTime() < cutoff)
    .map(({ siren, at }) => ({ siren, harvestedAt: at ? at.toISOString() : null }));
}

/**
 * Until its first harvest round, the index answers every operation with INDEX_NOT_READY (HTTP 503).
 * Every answer names its stale members in `extensions.bibia.staleMembers`; an answer refused
 * because the index cannot serve it (GRAPHQL_VALIDATION_FAILED, also raised by resolvers for
 * arguments it cannot serve) gets HTTP 400 and no data, so the gateway routes the query live.
 */
/** Stale members, computed at most once a second whatever the traffic (one query over every member). */
function memoizedStaleMembers(options: { prisma: IndexPrisma; members: ActiveMembers; staleAfterMs: number }): () => Promise<StaleMember[]> {
  let cached: { at: number; value: Promise<StaleMember[]> } | null = null;
  return () => {
    const now = Date.now();
    if (!cached || now - cached.at > 1000) {
      const value = staleMembers(options.prisma, options.members, options.staleAfterMs);
      cached = { at: now, value };
      value.catch(() => {
        cached = null;
      });
    }
    return cached.value;
  };
}

export function indexPlugin(options: {
  prisma: IndexPrisma;
  members: ActiveMembers;
  staleAfterMs: number;
  /** False until the first harvest round completed: an empty index must not pass for an empty library. */
  isReady: () => boolean;
}): ApolloServerPlugin<BaseContext> {
  const currentStaleMembers = memoizedStaleMembers(options);
  return {
    async requestDidStart() {
      let notReady = false;
      return {
        async responseForOperation() {
          if (options.isReady()) return null;
          notReady = true;
          return {
            http: { status: 503, headers: new HeaderMap() },
            body: {
              kind: 'single',
              singleResult: {
                errors: [{ message: 'The national index has not completed its first harvest yet; national lists are read live meanwhile.', extensions: { code: 'INDEX_NOT_READY' } }],
              },
            },
          };
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (notReady) return;
          if (result.errors?.some((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED')) {
            response.http.status = 400;
            delete result.data;
            return;
          }
          const stale = await currentStaleMembers();
          result.extensions = { ...result.extensions, bibia: { staleMembers: stale } };
        },
      };
    },
  };
}
