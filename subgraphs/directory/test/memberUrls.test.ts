import dns from 'node:dns';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkConformance } from '../src/conformance';
import { checkMemberUrl, forbiddenAddressRule } from '@bibia/kit';
import { guardedPostGraphQL } from '@bibia/kit';
import { loadConfig, parseFlags } from '../src/config';
import { FIXTURE_CONTRACT } from './helpers/fakeRegistry';
import { ADMIN_TOKEN, SIREN, codes, startDirectory, type TestDirectory } from './helpers/startDirectory';

const STRICT = { allowPrivateAddresses: false };
const DEV = { allowPrivateAddresses: true };
const SECRET = 'root:x:0:0 internal-secret-token';

/** A plain HTTP server on 127.0.0.1 answering with `handler`, counting requests. */
interface Raw {
  url: string;
  port: number;
  requests: number;
  close(): Promise<void>;
}
const raws: Raw[] = [];
async function rawServer(handler: http.RequestListener): Promise<Raw> {
  const server = http.createServer((req, res) => {
    raw.requests++;
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const raw: Raw = {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    requests: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  raws.push(raw);
  return raw;
}

afterEach(() => jest.restoreAllMocks());
afterAll(() => Promise.all(raws.map((r) => r.close())));

describe('forbiddenAddressRule', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['fd12:3456::1', 'private (unique local)'],
    ['fc00::1', 'private (unique local)'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['100.64.0.1', 'private (shared address space)'],
    ['64:ff9b::a00:1', 'private'],
    ['2002:c0a8:0101::1', 'private'],
  ])('refuses %s (%s)', (address, rule) => {
    expect(forbiddenAddressRule(address)).toBe(rule);
  });

  it.each(['8.8.8.8', '172.32.0.1', '193.51.24.1', '2001:4860:4860::8888', '::ffff:8.8.8.8'])('accepts the public address %s', (address) => {
    expect(forbiddenAddressRule(address)).toBeNull();
  });
});

describe('checkMemberUrl', () => {
  it('requires https, and public addresses, unless on a development network', async () => {
    expect(await checkMemberUrl('http://registre.example.fr/graphql', STRICT)).toMatch(/must use https/);
    expect(await checkMemberUrl('https://127.0.0.1:4201/graphql', STRICT)).toBe('127.0.0.1 is a loopback address, which a member registry may not use');
    expect(await checkMemberUrl('https://[::1]/graphql', STRICT)).toMatch(/loopback/);
    expect(await checkMemberUrl('https://[::ffff:169.254.169.254]/graphql', STRICT)).toMatch(/link-local/);
    expect(await checkMemberUrl('https://0.0.0.0/graphql', STRICT)).toMatch(/unspecified/);
    expect(await checkMemberUrl('https://localhost:4201/graphql', STRICT)).toBe('localhost resolves to a loopback address, which a member registry may not use');
    expect(await checkMemberUrl('https://8.8.8.8/graphql', STRICT)).toBeNull();
    expect(await checkMemberUrl('http://127.0.0.1:4201/graphql', DEV)).toBeNull();
  });

  it('refuses a name with one forbidden address among public ones', async () => {
    jest.spyOn(dns.promises, 'lookup').mockResolvedValue([
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ] as never);
    expect(await checkMemberUrl('https://registre.example.fr/graphql', STRICT)).toBe('registre.example.fr resolves to a private address, which a member registry may not use');
  });
});

describe('connections of the conformance check', () => {
  it('are checked again at connection time: a name that now resolves to loopback is not connected to (DNS rebinding)', async () => {
    const internal = await rawServer((_q, r) => r.end(SECRET));
    // When the URL is checked the name is public; at connection time it resolves to 127.0.0.1.
    jest.spyOn(dns.promises, 'lookup').mockResolvedValue([{ address: '93.184.216.34', family: 4 }] as never);
    const report = await checkConformance({ url: `https://localhost:${internal.port}/graphql`, contractSdl: FIXTURE_CONTRACT, siren: SIREN.arras, timeoutMs: 2000, addressPolicy: STRICT });
    expect(report.ok).toBe(false);
    expect(report.differences).toEqual([
      '_service { sdl }: connection refused by the hub: the host resolves to a loopback address, which a member registry may not use',
    ]);
    expect(internal.requests).toBe(0);

    const direct = await guardedPostGraphQL(STRICT, `http://localhost:${internal.port}/graphql`, '{ __typename }');
    expect(direct).toEqual({ ok: false, failure: 'unreachable', detail: 'forbidden address: loopback' });
    expect(internal.requests).toBe(0);
  });

  it('never quote what the candidate answered, nor socket errors', async () => {
    const cases: Array<[http.RequestListener, string]> = [
      [(_q, r) => r.end(`<html>${SECRET}</html>`), '_service { sdl }: HTTP 200, answer is not a GraphQL response'],
      [(_q, r) => { r.statusCode = 500; r.end(JSON.stringify({ errors: [{ message: SECRET, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })); }, '_service { sdl }: no SDL in the answer (1 error (INTERNAL_SERVER_ERROR)): is it a federation subgraph?'],
      [(_q, r) => { r.statusCode = 302; r.setHeader('location', `http://10.0.0.1/${SECRET}`); r.end(); }, '_service { sdl }: redirected (HTTP 302), which the hub does not follow: use the final URL'],
      [(_q, r) => r.end(JSON.stringify({ data: { _service: { sdl: `type { ${SECRET}` } } })), '_service.sdl: not valid GraphQL SDL'],
    ];
    for (const [handler, expected] of cases) {
      const { url } = await rawServer(handler);
      const report = await checkConformance({ url, contractSdl: FIXTURE_CONTRACT, siren: SIREN.arras, timeoutMs: 2000, addressPolicy: DEV });
      expect(report.differences).toEqual([expected]);
    }
    const refused = await checkConformance({ url: 'http://127.0.0.1:9/graphql', contractSdl: FIXTURE_CONTRACT, timeoutMs: 2000, addressPolicy: DEV });
    expect(refused.differences).toEqual(['_service { sdl }: request failed: the registry could not be reached']);
  });
});

describe('registerMember on a hub outside a development network', () => {
  let dir: TestDirectory;
  beforeAll(async () => {
    dir = await startDirectory('memberurls', { contractSdl: FIXTURE_CONTRACT });
  });
  afterAll(() => dir?.stop());

  const REGISTER = `mutation($siren: String!, $url: String!) { registerMember(siren: $siren, registryUrl: $url) { siren } }`;

  it('refuses http, loopback, private and link-local URLs before any request, and writes nothing', async () => {
    const internal = await rawServer((_q, r) => r.end(SECRET));
    const urls: Array<[string, RegExp]> = [
      [internal.url, /must use https/],
      [`https://127.0.0.1:${internal.port}/graphql`, /127\.0\.0\.1 is a loopback address/],
      [`https://localhost:${internal.port}/graphql`, /localhost resolves to a loopback address/],
      ['https://169.254.169.254/latest/meta-data', /link-local address/],
      ['https://[fd00::1]/graphql', /private \(unique local\) address/],
      ['https://192.168.0.10/graphql', /private address/],
    ];
    for (const [url, message] of urls) {
      const res = await dir.gql(REGISTER, { siren: SIREN.arras, url }, ADMIN_TOKEN);
      expect(codes(res.body)).toEqual(['BAD_USER_INPUT']);
      expect(res.body.errors![0].message).toMatch(message);
      expect(res.body.errors![0].extensions).toMatchObject({ field: 'registryUrl' });
      expect(JSON.stringify(res.body)).not.toContain('internal-secret');
    }
    expect(internal.requests).toBe(0);
    expect(await dir.server.prisma.membership.count()).toBe(0);
  });
});

describe('ALLOW_PRIVATE_MEMBER_URLS', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('is off by default, on with the flag or the variable', () => {
    delete process.env.ALLOW_PRIVATE_MEMBER_URLS;
    expect(loadConfig().allowPrivateMemberUrls).toBe(false);
    expect(loadConfig(parseFlags(['--allow-private-member-urls'])).allowPrivateMemberUrls).toBe(true);
    process.env.ALLOW_PRIVATE_MEMBER_URLS = 'true';
    expect(loadConfig().allowPrivateMemberUrls).toBe(true);
  });
});
