import fs from 'node:fs';
import path from 'node:path';
import { createRegistryServer, CONTRACT_VERSION, type RegistryServer } from '@bibia/registry';
import { checkConformance } from '../src/conformance';

// The checker against the real member subgraph and the real contract: the registry must pass,
// and the checker must not be stricter than the contract it enforces.
const CONTRACT = path.join(__dirname, '..', '..', '..', 'schema', 'registry.graphql');
const ARRAS = '216200410';

let registry: RegistryServer;
beforeAll(async () => {
  registry = await createRegistryServer({
    siren: ARRAS,
    port: 0,
    host: '127.0.0.1',
    dataDir: 'memory://conformance-real-registry',
    seedFile: 'bundled',
    maxBodyBytes: 1024 * 1024,
  });
});
afterAll(() => registry?.close());

describe('the real registry', () => {
  it('conforms to schema/registry.graphql', async () => {
    const report = await checkConformance({ url: registry.graphqlUrl, contractSdl: fs.readFileSync(CONTRACT, 'utf8'), siren: ARRAS });
    expect(report.differences).toEqual([]);
    expect(report.notes).toEqual([]);
    expect(report.contractVersion).toBe(CONTRACT_VERSION);
    expect(report.checks).toEqual(expect.arrayContaining(['schema matches the contract', '_entities resolves AiTool ids in order, null for an unknown one']));
  });

  it('fails a contract it does not implement', async () => {
    const stricter = `${fs.readFileSync(CONTRACT, 'utf8')}\nextend type AiTool { carbonFootprint: Float! }\n`;
    const report = await checkConformance({ url: registry.graphqlUrl, contractSdl: stricter, siren: ARRAS });
    expect(report.differences).toEqual(['AiTool.carbonFootprint: field missing']);
  });
});
