// First: @bibia/kit loads reflect-metadata, which the decorators of the modules below need.
import { createLogger, queryLimitsOf, rateLimitOptionsOf, serveSubgraph, stopOnSignals, type Logger, type RunningHttpServer, type Storage } from '@bibia/kit';
import { loadConfig, type RegistryConfig } from './config';
import { openRegistryStorage, type RegistryPrisma } from './storage';
import { buildRegistrySchema } from './schema';
import { createRequestContext, type Owner, type RegistryContext } from './context';
import { createPartnerVerification } from './auth/partners';
import { serveTokenSocket } from './auth/tokenSocket';
import { bundledSeedFile, readSeedFile, seedRegistry, type SeedFile } from './seed';
import { lazyAdmin } from '@bibia/admin/paths';
import { identifyCaller } from './auth/tokens';

export { loadConfig, type RegistryConfig } from './config';
export { openRegistryStorage } from './storage';
export { buildRegistrySchema } from './schema';
export { printRegistrySdl } from './printSchema';
export { createToken, revokeToken, listTokens } from './auth/tokens';
export { readSeedFile, seedRegistry, bundledSeedFile, type SeedFile } from './seed';
export { CONTRACT_VERSION } from './shared/ids';

export interface RegistryServer extends RunningHttpServer {
  owner: Owner;
  prisma: RegistryPrisma;
  storage: Storage<RegistryPrisma>;
}

export interface RegistryServerOptions {
  /** The clock partner credentials are checked with (tests of expiry). @default () => new Date() */
  now?: () => Date;
  /** Called with every SQL statement (tests count queries with it). */
  onQuery?: (sql: string) => void;
  logger?: Logger;
  /** Seed data given directly (generated data); takes precedence over `config.seedFile`. */
  seed?: SeedFile;
}

/** Makes sure the database belongs to the configured collectivité, and records its identity. */
async function ensureOwner(prisma: RegistryPrisma, config: RegistryConfig, seedOwner?: Owner): Promise<Owner> {
  const existing = await prisma.owner.findFirst();
  if (existing && existing.siren !== config.siren) {
    throw new Error(`This database belongs to SIREN ${existing.siren}, not ${config.siren}: use another DATA_DIR or DATABASE_URL`);
  }
  const wanted = {
    name: config.name ?? existing?.name ?? seedOwner?.name ?? `Collectivité ${config.siren}`,
    departement: config.departement ?? existing?.departement ?? seedOwner?.departement ?? null,
    region: config.region ?? existing?.region ?? seedOwner?.region ?? null,
  };
  const row = await prisma.owner.upsert({ where: { siren: config.siren }, create: { siren: config.siren, ...wanted }, update: wanted });
  return { siren: row.siren, name: row.name, departement: row.departement, region: row.region };
}

/** Starts a member registry: storage (migrated), optional seed, GraphQL over HTTP. */
export async function createRegistryServer(config: RegistryConfig, options: RegistryServerOptions = {}): Promise<RegistryServer> {
  const logger = options.logger ?? createLogger(`registry-${config.siren}`);
  const storage = await openRegistryStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize, onQuery: options.onQuery });
  const { prisma } = storage;
  let onClose = () => {};
  try {
    const seedPath = config.seedFile === 'bundled' ? bundledSeedFile(config.siren) : config.seedFile;
    const seed = options.seed ?? (seedPath ? readSeedFile(seedPath) : undefined);
    if (seed && seed.owner.siren !== config.siren) throw new Error(`Seed file ${seedPath} is for SIREN ${seed.owner.siren}, not ${config.siren}`);
    const owner = await ensureOwner(prisma, config, seed?.owner);
    if (seed && (await prisma.aiTool.count()) === 0) {
      const counts = await seedRegistry(prisma, owner, seed);
      logger.info({ ...counts, seed: seedPath }, 'empty registry seeded');
    }
    const schema = await buildRegistrySchema();
    const partners = config.hubUrl
      ? createPartnerVerification({ hubUrl: config.hubUrl, siren: owner.siren, revocationPollMs: config.revocationPollMs, logger, now: options.now })
      : undefined;
    onClose = () => partners?.stop();
    // The publisher's back-office at /admin (clients/admin), loaded on its first request.
    let graphqlUrl = '';
    const admin = lazyAdmin(() =>
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see cli.ts on require)
      (require('@bibia/admin') as typeof import('@bibia/admin')).createAdmin({
        owner,
        hubUrl: config.hubUrl,
        graphqlUrl: () => graphqlUrl,
        rateLimit: rateLimitOptionsOf(config, { redisUrl: config.redisUrl, keyPrefix: `bibia:registry:${config.siren}:` }),
        verifyToken: async (token) => {
          const caller = await identifyCaller(prisma, `Bearer ${token}`);
          return caller.kind === 'publisher' ? caller.publisher : undefined;
        },
        tokenActive: async (tokenId) => (await prisma.publisherToken.findUnique({ where: { id: tokenId }, select: { revokedAt: true } }))?.revokedAt === null,
      }),
    );
    const http = await serveSubgraph<RegistryContext>({
      schema,
      logger,
      port: config.port,
      host: config.host,
      maxBodyBytes: config.maxBodyBytes,
      limits: queryLimitsOf(config),
      rateLimit: rateLimitOptionsOf(config, { redisUrl: config.redisUrl, keyPrefix: `bibia:registry:${config.siren}:ratelimit:` }),
      context: async (req) => createRequestContext(prisma, owner, req.headers.authorization, partners?.verifier, await admin.callerOf(req)),
      routes: admin.routes,
      // An unknown or revoked token still reads public data, with no error: a guess all the same.
      credentialRefused: (ctx) => ctx.caller.kind === 'invalid',
      checkReady: async () => {
        await prisma.$queryRawUnsafe('SELECT 1');
        return { storage: storage.database.kind };
      },
      about: { siren: owner.siren },
    });
    graphqlUrl = http.graphqlUrl;
    // Token commands reach an embedded database through the registry that holds it (auth/tokenSocket.ts).
    const tokenSocket = config.databaseUrl ? undefined : await serveTokenSocket(prisma, owner.siren, config.dataDir, logger);
    logger.info({ url: http.graphqlUrl, storage: storage.database.location, siren: owner.siren }, 'registry listening');
    return {
      ...http,
      owner,
      prisma,
      storage,
      close: async () => {
        onClose();
        await tokenSocket?.close();
        await http.close();
        await admin.close();
        await storage.close();
      },
    };
  } catch (err) {
    onClose();
    await storage.close();
    throw err;
  }
}

/** Entry point for people: configuration from the environment, stops cleanly on Ctrl-C. */
export async function main(overrides: Partial<RegistryConfig> = {}): Promise<RegistryServer> {
  const config = loadConfig(overrides);
  const server = await createRegistryServer(config);
  console.log(`BibIA registry of ${server.owner.name} (${server.owner.siren}): ${server.graphqlUrl}`);
  stopOnSignals(server);
  return server;
}
