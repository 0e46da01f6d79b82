import fs from 'node:fs';
import path from 'node:path';
import { dropSchema, testDatabaseUrl } from '@bibia/kit';
import { createRegistryServer, createToken, type RegistryServer } from '@bibia/registry';
import { createDirectoryServer, setMembership, suspendMember, type DirectoryServer } from '@bibia/directory';
import { createIndexServer, type IndexServer, type IndexServerOptions } from '../../src';

export const SIREN = { bethune: '200072460', arras: '216200410', pasDeCalais: '226200012' } as const;
export const SEED_DIR = path.join(__dirname, '..', '..', '..', 'registry', 'seed');

/** Embedded in memory, or a fresh PostgreSQL schema when TEST_DATABASE_URL is set. */
function storageFor(name: string): { databaseUrl?: string; dataDir: string } {
  const databaseUrl = testDatabaseUrl(name);
  return databaseUrl ? { databaseUrl, dataDir: 'unused' } : { dataDir: `memory://${name}-${Math.random().toString(36).slice(2)}` };
}

export interface TestMember {
  server: RegistryServer;
  token: string;
  /** Sends a GraphQL request to the member, as its publisher. */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GqlBody<T>>;
}

export interface GqlBody<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, any> }[];
  extensions?: Record<string, any>;
}

export async function gql<T = any>(url: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlBody<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as object) };
}

export interface Hub {
  members: Map<string, TestMember>;
  directory: DirectoryServer;
  index: IndexServer;
  /** Member requests made by the index, per SIREN. */
  requests: Map<string, number>;
  ask<T = any>(query: string, variables?: Record<string, unknown>): Promise<GqlBody<T>>;
  /** Stops the member and starts a new, empty registry at the same URL (a reset database). */
  resetMember(siren: string): Promise<TestMember>;
  stopMember(siren: string): Promise<void>;
  suspend(siren: string): Promise<void>;
  stop(): Promise<void>;
}

const schemas: string[] = [];

async function startMember(siren: string, seeded: boolean, port = 0): Promise<TestMember> {
  const storage = storageFor(`ix_${siren}`);
  if (storage.databaseUrl) schemas.push(storage.databaseUrl);
  const server = await createRegistryServer({
    siren,
    port,
    host: '127.0.0.1',
    maxBodyBytes: 10 * 1024 * 1024,
    seedFile: seeded ? 'bundled' : undefined,
    departement: '62',
    region: '32',
    ...storage,
  });
  const { token } = await createToken(server.prisma, 'index tests');
  return { server, token, gql: (query, variables) => gql(server.graphqlUrl, query, variables, token) };
}

/**
 * Member registries with their bundled seeds, a directory listing them as members, and an index
 * harvesting them (no background harvest: tests call `harvestOnce()`).
 */
export async function startHub(name: string, sirens: string[], options: IndexServerOptions = {}): Promise<Hub> {
  const members = new Map<string, TestMember>();
  // One after the other: type-graphql builds schemas from shared metadata.
  for (const siren of sirens) members.set(siren, await startMember(siren, true));
  const dirStorage = storageFor(`ix_dir_${name}`);
  if (dirStorage.databaseUrl) schemas.push(dirStorage.databaseUrl);
  const directory = await createDirectoryServer({
    port: 0,
    ...dirStorage,
    reference: false,
    members: [...members].map(([siren, m]) => ({ siren, registryUrl: m.server.graphqlUrl })),
  });
  const requests = new Map<string, number>();
  const indexStorage = storageFor(`ix_${name}`);
  if (indexStorage.databaseUrl) schemas.push(indexStorage.databaseUrl);
  const index = await createIndexServer({
    port: 0,
    allowPrivateMemberUrls: true,
    ...indexStorage,
    directoryUrl: directory.graphqlUrl,
    harvest: false,
    onMemberRequest: (siren) => requests.set(siren, (requests.get(siren) ?? 0) + 1),
    ...options,
  });
  return {
    members,
    directory,
    index,
    requests,
    ask: (query, variables) => gql(index.graphqlUrl, query, variables),
    resetMember: async (siren) => {
      const old = members.get(siren)!;
      await old.server.close();
      const fresh = await startMember(siren, false, old.server.port);
      members.set(siren, fresh);
      return fresh;
    },
    stopMember: async (siren) => {
      await members.get(siren)?.server.close();
      members.delete(siren);
    },
    suspend: async (siren) => {
      await suspendMember(directory.prisma, siren, 'tests');
    },
    stop: async () => {
      await index.close().catch(() => {});
      await directory.close().catch(() => {});
      for (const m of members.values()) await m.server.close().catch(() => {});
      for (const url of schemas.splice(0)) await dropSchema(url).catch(() => {});
    },
  };
}

/** Published tools and public published reports of the bundled seeds, from the seed files. */
export function seedEntries(sirens: string[]) {
  const tools: any[] = [];
  const reports: any[] = [];
  for (const siren of sirens) {
    const seed = JSON.parse(fs.readFileSync(path.join(SEED_DIR, `${siren}.json`), 'utf8'));
    tools.push(...seed.tools.filter((t: any) => t.state === 'PUBLISHED').map((t: any) => ({ ...t, siren })));
    reports.push(...seed.reports.filter((r: any) => r.state === 'PUBLISHED' && r.visibility === 'PUBLIC').map((r: any) => ({ ...r, siren })));
  }
  return { tools, reports };
}

export { setMembership };
