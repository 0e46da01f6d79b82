import { stopOnSignals } from '@bibia/kit';
import { loadConfig, parseCommandLine } from './config';
import { createDirectoryServer } from './server';

export { createDirectoryServer, type DirectoryServer, type DirectoryServerOptions } from './server';
export { loadConfig, DEFAULT_CONFIG, ConfigError, parseMemberList, type DirectoryConfig } from './config';
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

/**
 * Entry point for people (`bibia-directory`, `argv` as in `process.argv`): flags, then the
 * environment, then the defaults (see config.ts); `--help` and `--version` start nothing.
 * Stops on SIGINT/SIGTERM.
 */
export async function main(argv: string[] = process.argv): Promise<void> {
  const server = await createDirectoryServer(loadConfig(parseCommandLine(argv)));
  stopOnSignals(server, (signal) => server.logger.info({ signal }, 'stopping'));
}
