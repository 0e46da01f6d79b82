import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { listenHttp, type RunningHttpServer } from '@bibia/kit';
import { parse } from 'graphql';

export const FIXTURE_CONTRACT = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'contract.graphql'), 'utf8');

/** Ways a fake registry can break the contract. */
export interface FakeRegistryOptions {
  siren: string;
  /** Tool slugs. @default five tools */
  slugs?: string[];
  /** Rewrites the SDL it serves (schema differences). */
  sdl?: (contract: string) => string;
  /** Ignores `after`: the next page repeats the first. */
  repeatPages?: boolean;
  /** Serves ids under another SIREN. */
  idPrefix?: string;
  /** `_entities` answers in reverse order. */
  reverseEntities?: boolean;
  /** `registry(siren:)` answers for any SIREN. */
  registryForAnySiren?: boolean;
  /** @default 'fixture-1' */
  contractVersion?: string;
}

export interface FakeRegistry {
  url: string;
  close(): Promise<void>;
}

const DEFAULT_SLUGS = ['tri-courrier', 'chatbot-accueil', 'comptage-velos', 'transcription-conseils', 'ocr-etat-civil'];

/**
 * A member registry built on the fixture contract with @apollo/server + @apollo/subgraph, that
 * conforms unless told otherwise.
 */
export async function startFakeRegistry(options: FakeRegistryOptions): Promise<FakeRegistry> {
  const prefix = options.idPrefix ?? options.siren;
  const tools = (options.slugs ?? DEFAULT_SLUGS)
    .map((slug) => ({ id: `${prefix}:${slug}`, name: slug.replace(/-/g, ' '), riskLevel: 'MINIMAL', themes: ['MOBILITY'], updatedAt: '2026-01-01T00:00:00.000Z' }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
  const cursorOf = (t: { name: string; id: string }) => Buffer.from(JSON.stringify([t.name, t.id])).toString('base64url');
  const sdl = options.sdl ? options.sdl(FIXTURE_CONTRACT) : FIXTURE_CONTRACT;
  const page = (first: number, after?: string | null) => {
    let start = 0;
    if (after && !options.repeatPages) {
      const [name, id] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
      start = tools.findIndex((t) => t.name > name || (t.name === name && t.id > id));
      if (start < 0) start = tools.length;
    }
    const slice = tools.slice(start, start + first);
    const edges = slice.map((node) => ({ cursor: cursorOf(node), node }));
    return {
      edges,
      pageInfo: { hasNextPage: start + first < tools.length, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: tools.length,
    };
  };
  const resolvers = {
    Query: {
      aiTools: (_: unknown, args: { first: number; after?: string }) => page(args.first, args.after),
      aiTool: (_: unknown, { id }: { id: string }) => tools.find((t) => t.id === id) ?? null,
      registry: (_: unknown, { siren }: { siren: string }) =>
        siren === options.siren || options.registryForAnySiren
          ? { siren, name: 'Fake', contractVersion: options.contractVersion ?? 'fixture-1' }
          : null,
    },
    AiTool: {
      __resolveReference: (ref: { id: string }) => tools.find((t) => t.id === ref.id) ?? null,
      collectivite: () => ({ siren: options.siren }),
    },
  };
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers: resolvers as never }]);
  const apollo = new ApolloServer({
    schema,
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    plugins: [
      {
        async requestDidStart() {
          return {
            // Reverse _entities results when asked to misbehave.
            async willSendResponse({ response }) {
              if (!options.reverseEntities || response.body.kind !== 'single') return;
              const data = response.body.singleResult.data as { _entities?: unknown[] } | undefined;
              if (data?._entities) data._entities.reverse();
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  const http: RunningHttpServer = await listenHttp({ apollo, context: async () => ({}) });
  return {
    url: http.graphqlUrl,
    close: async () => {
      await http.close();
      await apollo.stop();
    },
  };
}
