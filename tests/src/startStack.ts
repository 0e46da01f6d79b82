import crypto from 'node:crypto';
import path from 'node:path';
import { createLogger, generateHubSigningKey, NO_RATE_LIMITS, type Logger } from '@bibia/core';
import { createRegistryServer, type RegistryServer, type SeedFile } from '@bibia/registry';
import { createDirectoryServer, setMembership, upsertCollectivite, type CollectiviteInput, type DirectoryServer, type DirectoryServerOptions } from '@bibia/directory';
import { createGateway, DEFAULT_CONFIG, type GatewayConfig, type RunningGateway } from '@bibia/gateway';
import { createIndexServer, type IndexServer, type IndexServerOptions } from '@bibia/index';
import { catalogueRoutes } from '@bibia/web';

export const REPO_ROOT = path.join(__dirname, '..', '..');
export const SUPERGRAPH_FILE = path.join(REPO_ROOT, 'schema', 'supergraph.graphql');

/** The three member collectivités of the demo, with their bundled seed data. */
export const DEMO_MEMBERS = ['200072460', '216200410', '226200012'] as const;

export interface StackMember {
  siren: string;
  /** Seed data; the bundled demo data of the SIREN when absent. */
  seed?: SeedFile;
  /** Fixed port (dev stack); 0 in tests. */
  port?: number;
}

/** Where each service keeps its data. */
export type StorageFor = (service: string) => { databaseUrl?: string; dataDir: string; poolSize?: number };

export interface StackOptions {
  members?: StackMember[];
  /** @default in-memory PGlite for every service */
  storage?: StorageFor;
  /** Ports of the hub services. @default 0 (any free port) */
  gatewayPort?: number;
  directoryPort?: number;
  /** Gateway settings (REDIS_URL, timeouts...). */
  gateway?: Partial<GatewayConfig>;
  /** Serve the catalogue page at `/` of the gateway. @default true */
  web?: boolean;
  logger?: Logger;
  /** The hub admin token of the directory and gateway. @default a random one */
  adminToken?: string;
  /**
   * Run the national index, and let the gateway send it anonymous national lists.
   * `true` or index settings (harvest interval...). @default false (live fan-out only)
   */
  index?: boolean | Omit<IndexServerOptions, 'directoryUrl' | 'databaseUrl' | 'dataDir'>;
  /** Fixed port of the index (dev stack). @default 0 */
  indexPort?: number;
  /**
   * Rate-limit the gateway's clients with its default limits (RATE_LIMIT_*; `gateway` may set
   * others). Members, the directory and the index exempt loopback either way: the co-located gateway reaches
   * them from there. @default false (a test's own load is never throttled)
   */
  rateLimits?: boolean;
  /** The hub signing key (private JWK JSON) of the directory and gateway. @default a new one per stack */
  hubSigningKey?: string;
  /** Interval between reads of the hub's revocation list, at members and gateway. @default 30 s */
  revocationPollMs?: number;
  /**
   * Load the administrative reference into the directory (every commune and intercommunalité,
   * seconds on PGlite). @default false
   */
  reference?: boolean;
  /** More directory settings (e.g. `allowPrivateMemberUrls` for members on loopback). */
  directory?: Omit<DirectoryServerOptions, 'logger' | 'port'>;
}

export interface Stack {
  gateway: RunningGateway;
  /** The national GraphQL endpoint. */
  gatewayUrl: string;
  directory: DirectoryServer;
  members: Map<string, RegistryServer>;
  /** The national index, when `options.index`. */
  index?: IndexServer;
  /** Admin token of this hub (random per stack). */
  adminToken: string;
  /** The hub signing key (private JWK JSON): signs partner credentials. */
  hubSigningKey: string;
  /** Stops one member, as if its server went down. */
  stopMember(siren: string): Promise<void>;
  stop(): Promise<void>;
}

/** Members and the directory never limit the gateway (and index) running beside them on loopback. */
const COLOCATED_HUB = { rateLimitExempt: ['loopback'] };

const inMemory: StorageFor = (service) => ({ dataDir: `memory://${service}-${crypto.randomBytes(3).toString('hex')}` });

/**
 * The whole hub on one machine: member registries (each its own database and seed), the
 * directory listing them as members, and the gateway routing to them — for the dev stack, the
 * end-to-end tests of the clients and the benchmarks.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const storage = options.storage ?? inMemory;
  const logger = options.logger ?? createLogger('stack');
  const members = new Map<string, RegistryServer>();
  const adminToken = options.adminToken ?? crypto.randomBytes(24).toString('base64url');
  const hubSigningKey = options.hubSigningKey ?? (await generateHubSigningKey());
  const started: { close(): Promise<void> }[] = [];
  try {
    // The directory first: members read the hub's public keys and revocation list from it.
    const directory = await createDirectoryServer({
      port: options.directoryPort ?? 0,
      host: '127.0.0.1',
      hubAdminToken: adminToken,
      hubSigningKey,
      reference: options.reference ?? false,
      ...COLOCATED_HUB,
      logger: logger.child({ service: 'directory' }),
      ...storage('directory'),
      ...options.directory,
    });
    started.push(directory);
    // Members start in parallel: each has its own database.
    const servers = await Promise.all(
      (options.members ?? DEMO_MEMBERS.map((siren): StackMember => ({ siren }))).map((m) =>
        createRegistryServer(
          {
            siren: m.siren,
            port: m.port ?? 0,
            host: '127.0.0.1',
            maxBodyBytes: 10 * 1024 * 1024,
            ...COLOCATED_HUB,
            seedFile: m.seed ? undefined : 'bundled',
            hubUrl: directory.url,
            revocationPollMs: options.revocationPollMs,
            ...withPoolSize(storage(`registry-${m.siren}`)),
          },
          { seed: m.seed, logger: logger.child({ service: `registry-${m.siren}` }) },
        ),
      ),
    );
    for (const s of servers) {
      members.set(s.owner.siren, s);
      started.push(s);
    }
    for (const s of servers) {
      // Generated members are not in the seeded directory: add them, as a commune, from their seed.
      const known = await directory.prisma.collectivite.findUnique({ where: { siren: s.owner.siren }, select: { siren: true } });
      if (!known) {
        await upsertCollectivite(directory.prisma, {
          siren: s.owner.siren,
          name: s.owner.name,
          legalCategory: '7210',
          departement: s.owner.departement ?? undefined,
        } as CollectiviteInput);
      }
      await setMembership(directory.prisma, { siren: s.owner.siren, registryUrl: s.graphqlUrl });
    }
    let index: IndexServer | undefined;
    if (options.index) {
      index = await createIndexServer({
        ...COLOCATED_HUB,
        // Members listen on loopback here.
        allowPrivateMemberUrls: true,
        ...(options.index === true ? {} : options.index),
        port: options.indexPort ?? 0,
        host: '127.0.0.1',
        directoryUrl: directory.graphqlUrl,
        logger: logger.child({ service: 'index' }),
        ...withPoolSize(storage('index')),
      });
      started.push(index);
    }
    const gateway = await createGateway(
      {
        // The gateway's defaults, not the environment: a stack is configured by its options.
        ...DEFAULT_CONFIG,
        // Members listen on loopback here.
        allowPrivateMemberUrls: true,
        port: options.gatewayPort ?? 0,
        supergraphFile: SUPERGRAPH_FILE,
        directoryUrl: directory.graphqlUrl,
        hubAdminToken: adminToken,
        hubSigningKey,
        revocationPollMs: options.revocationPollMs,
        indexUrl: index?.graphqlUrl,
        ...(options.rateLimits ? {} : NO_RATE_LIMITS),
        ...options.gateway,
      },
      { logger: logger.child({ service: 'gateway' }), routes: options.web === false ? undefined : catalogueRoutes() },
    );
    started.push(gateway);
    return {
      gateway,
      gatewayUrl: gateway.graphqlUrl,
      directory,
      members,
      index,
      adminToken,
      hubSigningKey,
      stopMember: async (siren) => {
        await members.get(siren)?.close();
      },
      stop: async () => {
        await closeAll(started.reverse(), logger);
      },
    };
  } catch (err) {
    await closeAll(started.reverse(), logger);
    throw err;
  }
}

function withPoolSize({ poolSize, ...rest }: ReturnType<StorageFor>) {
  return { ...rest, databasePoolSize: poolSize };
}

async function closeAll(servers: { close(): Promise<void>; url?: string }[], logger: Logger): Promise<void> {
  for (const s of servers) {
    await s.close().catch((err: unknown) => logger.warn({ err, url: s.url }, 'could not stop cleanly'));
    logger.info({ url: s.url }, 'stopped');
  }
}
