import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { composeServices } from '@apollo/composition';
import { listenHttp, type RunningHttpServer } from '@bibia/core';
import { parse, type GraphQLSchema } from 'graphql';
import { accountsSchema, ACCOUNTS_SDL } from './accounts';
import { inventorySchema, INVENTORY_SDL } from './inventory';
import { productsSchema, PRODUCTS_SDL } from './products';
import { reviewsSchema, REVIEWS_SDL } from './reviews';

const SUBGRAPHS: { name: string; sdl: string; schema: () => GraphQLSchema }[] = [
  { name: 'accounts', sdl: ACCOUNTS_SDL, schema: accountsSchema },
  { name: 'inventory', sdl: INVENTORY_SDL, schema: inventorySchema },
  { name: 'products', sdl: PRODUCTS_SDL, schema: productsSchema },
  { name: 'reviews', sdl: REVIEWS_SDL, schema: reviewsSchema },
];

export interface ScenarioSubgraphs {
  /** Where each subgraph listens, by name. */
  urls: Record<string, string>;
  /** The four subgraphs composed, their routing URLs the live ones. */
  supergraphSdl: string;
  close(): Promise<void>;
}

/** Composes the scenario's subgraphs with `@apollo/composition`; a composition error is thrown as one message. */
export function composeScenario(urls: Record<string, string>): string {
  const result = composeServices(SUBGRAPHS.map((s) => ({ name: s.name, url: urls[s.name] ?? `http://${s.name}.invalid/graphql`, typeDefs: parse(s.sdl) })));
  if (result.errors) throw new Error(`the scenario's subgraphs do not compose: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.supergraphSdl;
}

/** Starts the four subgraphs of the scenario, each an Apollo Server on its own port (0: a free one), and composes them. */
export async function startScenarioSubgraphs(host = '127.0.0.1'): Promise<ScenarioSubgraphs> {
  const running: RunningHttpServer[] = [];
  const urls: Record<string, string> = {};
  try {
    for (const s of SUBGRAPHS) {
      const apollo = new ApolloServer({ schema: s.schema(), plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()] });
      await apollo.start();
      const http = await listenHttp({ apollo, context: async () => ({}), host, port: 0 });
      running.push({ ...http, close: async () => { await http.close(); await apollo.stop(); } });
      urls[s.name] = http.graphqlUrl;
    }
    return { urls, supergraphSdl: composeScenario(urls), close: async () => void (await Promise.all(running.map((r) => r.close()))) };
  } catch (err) {
    await Promise.all(running.map((r) => r.close()));
    throw err;
  }
}
