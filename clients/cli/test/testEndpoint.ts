import { createRegistryServer, createToken } from '@bibia/registry';

/**
 * A BibIA endpoint for the CLI tests. Until ops' startStack() exists this is one member registry
 * (Arras, seeded): it serves the same contract as the gateway for tools.
 */
export async function startEndpoint() {
  const siren = '216200410';
  const server = await createRegistryServer({
    siren,
    name: 'Arras',
    departement: '62',
    region: '32',
    port: 0,
    host: '127.0.0.1',
    dataDir: `memory://cli-${Date.now()}`,
    seedFile: 'bundled',
    maxBodyBytes: 10 * 1024 * 1024,
  });
  const token = (await createToken(server.prisma, 'CLI tests')).token;
  return { endpoint: server.graphqlUrl, token, siren, stop: () => server.close() };
}
