import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { listenHttp, NO_RATE_LIMITS } from '@bibia/core';
import { createGateway, DEFAULT_CONFIG } from '@bibia/gateway';

/** The gateways the peers bench compares. */
export type PeerKind = 'bibia' | 'bibia-router' | 'apollo' | 'hive' | 'hive-router';

/** One gateway to start: what it is, the supergraph it serves, and its few settings. */
export interface PeerGatewaySpec {
  kind: PeerKind;
  /** The supergraph served; its subgraph URLs must be the live ones (member routing excepted). */
  supergraphSdl: string;
  /** `bibia` kinds only (`bibia-router`: our gateway on its `router` engine): the directory URL, which turns member routing on. @default undefined (stock mode) */
  directoryUrl?: string;
  /** `bibia` only: the hub admin token (health reports). */
  hubAdminToken?: string;
  /** In-flight deduplication of identical inbound requests (Hive: the public benchmark's setting; ours: `INBOUND_DEDUPLICATION`). @default false */
  inboundDeduplication?: boolean;
}

export interface StartedPeerGateway {
  graphqlUrl: string;
  close(): Promise<void>;
}

/**
 * Starts one gateway in this process, its response cache off wherever it has one, rate limits
 * off, on loopback and a free port.
 */
export async function startPeerGateway(spec: PeerGatewaySpec): Promise<StartedPeerGateway> {
  switch (spec.kind) {
    case 'bibia':
    case 'bibia-router':
      return startBibia(spec);
    case 'apollo':
      return startApollo(spec.supergraphSdl);
    case 'hive':
    case 'hive-router':
      return startHive(spec);
  }
}

async function startBibia(spec: PeerGatewaySpec): Promise<StartedPeerGateway> {
  // createGateway reads its supergraph from a file (it watches it).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bibia-peers-'));
  const supergraphFile = path.join(dir, 'supergraph.graphql');
  fs.writeFileSync(supergraphFile, spec.supergraphSdl);
  try {
    const gw = await createGateway({
      ...DEFAULT_CONFIG,
      ...NO_RATE_LIMITS,
      port: 0,
      host: '127.0.0.1',
      supergraphFile,
      directoryUrl: spec.directoryUrl,
      hubAdminToken: spec.hubAdminToken,
      allowPrivateMemberUrls: true,
      responseCacheTtlMs: 0,
      memberTimeoutMs: 10_000,
      engine: spec.kind === 'bibia-router' ? 'router' : 'apollo',
      inboundDeduplication: spec.inboundDeduplication ?? false,
    });
    return { graphqlUrl: gw.graphqlUrl, close: async () => { await gw.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** Plain @apollo/gateway in Apollo Server, on the same Node HTTP layer as ours. */
async function startApollo(supergraphSdl: string): Promise<StartedPeerGateway> {
  const apollo = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl }), plugins: [ApolloServerPluginLandingPageDisabled()] });
  await apollo.start();
  const served = await listenHttp({ apollo, context: async () => ({}), port: 0, host: '127.0.0.1' });
  return { graphqlUrl: served.graphqlUrl, close: async () => { await served.close(); await apollo.stop(); } };
}

/** What the bench uses of `@graphql-hive/gateway-runtime`. */
interface HiveRuntime {
  (req: http.IncomingMessage, res: http.ServerResponse): void;
  dispose(): Promise<void> | void;
}
type CreateGatewayRuntime = (config: Record<string, unknown>) => HiveRuntime;

/**
 * Loads Hive Gateway on demand (only the bench, the audit and their test need it), through
 * `require` so that the compiler does not read its typings: they pull in a newer `@types/node`
 * than the repository's, whose globals then clash with ours.
 */
function loadHive(withRouter: boolean): { createGatewayRuntime: CreateGatewayRuntime; unifiedGraphHandler?: unknown } {
  const load = require as (id: string) => Record<string, unknown>;
  const { createGatewayRuntime } = load('@graphql-hive/gateway-runtime') as { createGatewayRuntime: CreateGatewayRuntime };
  return { createGatewayRuntime, unifiedGraphHandler: withRouter ? load('@graphql-hive/router-runtime').unifiedGraphHandler : undefined };
}

/** Hive Gateway's runtime on node:http, its JS query planner or, for `hive-router`, the Rust one. */
async function startHive(spec: PeerGatewaySpec): Promise<StartedPeerGateway> {
  const { createGatewayRuntime, unifiedGraphHandler } = loadHive(spec.kind === 'hive-router');
  const runtime = createGatewayRuntime({
    supergraph: spec.supergraphSdl,
    ...(unifiedGraphHandler ? { unifiedGraphHandler } : {}),
    inboundInflightRequestDeduplication: spec.inboundDeduplication ?? false,
    logging: process.env.PEERS_HIVE_LOG ? 'debug' : false,
    landingPage: false,
    graphqlEndpoint: '/graphql',
  });
  const server = http.createServer(runtime);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    graphqlUrl: `http://127.0.0.1:${port}/graphql`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await runtime.dispose();
    },
  };
}
