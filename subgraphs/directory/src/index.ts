import { loadConfig } from './config';
import { createDirectoryServer } from './server';

export { createDirectoryServer, type DirectoryServer, type DirectoryServerOptions } from './server';
export { loadConfig, defaultConfig, parseMemberList, type DirectoryConfig } from './config';
export { buildDirectorySchema } from './schema';
export { printDirectorySchema } from './printSchema';
export { seedDirectory, type SeedOptions } from './seed/seedDirectory';
export { SEED_COLLECTIVITES, FIRST_MEMBER_SIRENS } from './seed/collectivites';
export { SEED_AI_PRODUCTS } from './seed/aiProducts';
export { setMembership, type SetMembershipOptions } from './membership/setMembership';
export { upsertCollectivite } from './collectivite/upsertCollectivite';
export { CollectiviteInput } from './collectivite/collectiviteInput';
export { recordMemberHealth, suspendMember, reactivateMember } from './membership/memberStatus';
export { checkConformance, compareSchemas, type ConformanceOptions, type ConformanceReport } from './conformance';

/** Starts the directory from flags and environment (see config.ts) and stops it on SIGINT/SIGTERM. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const server = await createDirectoryServer(loadConfig(argv));
  const stop = async (signal: string) => {
    server.logger.info({ signal }, 'stopping');
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
