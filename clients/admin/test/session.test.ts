import { revokeToken } from '@bibia/registry';
import { asAny, startAdminRegistry, type AdminTestRegistry } from './adminTestKit';

const A = '216200410'; // Arras
const B = '226200012'; // Pas-de-Calais

const CREATE = 'mutation($siren: String!, $input: AiToolInput!) { createAiTool(siren: $siren, input: $input) { id state } }';
const gqlBody = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });

describe('back-office sessions (a real registry)', () => {
  let a: AdminTestRegistry;
  let b: AdminTestRegistry;
  let tokenA: { id: string; token: string };
  let tokenB: { id: string; token: string };

  beforeAll(async () => {
    [a, b] = await Promise.all([startAdminRegistry(A), startAdminRegistry(B)]);
    [tokenA, tokenB] = await Promise.all([a.token(), b.token()]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  /** A GraphQL request through the back-office's endpoint. */
  const adminGql = (r: AdminTestRegistry, s: { cookie: string; csrf: string } | undefined, query: string, variables?: Record<string, unknown>, more: { origin?: string | null; csrf?: string | null } = {}) =>
    r.request('/admin/api/graphql', {
      method: 'POST',
      origin: more.origin,
      headers: {
        'content-type': 'application/json',
        ...(s ? { cookie: s.cookie } : {}),
        ...(more.csrf === null ? {} : { 'x-bibia-csrf': more.csrf ?? s?.csrf ?? '' }),
      },
      body: gqlBody(query, variables),
    });

  it('serves the page with a strict CSP, and nothing of it needs a session', async () => {
    const res = await a.request('/admin');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(await res.text()).toContain('<html lang="fr">');
    const session = await (await a.request('/admin/api/session')).json().then(asAny);
    expect(session).toEqual({ signedIn: false, owner: expect.objectContaining({ siren: A }) });
  });

  it('signs in with a publisher token: an HttpOnly, SameSite=Strict session cookie; Secure behind HTTPS', async () => {
    const { setCookie, csrf } = await a.signIn(tokenA.token);
    expect(setCookie).toMatch(/^bibia_admin=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=86400$/);
    expect(csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const https = await a.request('/admin/api/session', { method: 'POST', headers: { authorization: `Bearer ${tokenA.token}`, 'x-forwarded-proto': 'https' } });
    expect(https.headers.get('set-cookie')).toMatch(/; Secure$/);
    // The answer never carries the token.
    expect(JSON.stringify(await https.json().then(asAny))).not.toContain(tokenA.token);
  });

  it('acts as the publisher through the back-office endpoint, field errors in French', async () => {
    const s = await a.signIn(tokenA.token);
    const bad = await (await adminGql(a, s, CREATE, { siren: A, input: { name: 'x'.repeat(101) } })).json().then(asAny);
    expect(bad.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.errors[0].extensions.fieldErrors).toEqual([{ field: 'name', message: 'au plus 100 caractères' }]);
    const ok = await (await adminGql(a, s, CREATE, { siren: A, input: { name: 'Outil du back-office' } })).json().then(asAny);
    expect(ok.data.createAiTool).toEqual({ id: `${A}:outil-du-back-office`, state: 'DRAFT' });
  });

  it('refuses a request without the CSRF header, with a wrong one, or from another origin', async () => {
    const s = await a.signIn(tokenA.token);
    expect((await adminGql(a, s, '{ __typename }', {}, { csrf: null })).status).toBe(401);
    expect((await adminGql(a, s, '{ __typename }', {}, { csrf: 'x'.repeat(43) })).status).toBe(401);
    expect((await adminGql(a, s, '{ __typename }', {}, { origin: 'https://evil.example' })).status).toBe(401);
    expect((await adminGql(a, s, '{ __typename }', {}, { origin: null })).status).toBe(401);
    expect((await adminGql(a, s, '{ __typename }')).status).toBe(200);
  });

  it('never takes a cookie alone as a publisher on /graphql; with the CSRF header and Origin it does', async () => {
    const s = await a.signIn(tokenA.token);
    const post = (headers: Record<string, string>, origin?: string) =>
      a.request('/graphql', { method: 'POST', origin, headers: { 'content-type': 'application/json', cookie: s.cookie, ...headers }, body: gqlBody(CREATE, { siren: A, input: { name: 'Par cookie' } }) });
    const cookieOnly = await (await post({})).json().then(asAny);
    expect(cookieOnly.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const wrongOrigin = await (await post({ 'x-bibia-csrf': s.csrf }, 'https://evil.example')).json().then(asAny);
    expect(wrongOrigin.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const ok = await (await post({ 'x-bibia-csrf': s.csrf })).json().then(asAny);
    expect(ok.data.createAiTool.state).toBe('DRAFT');
  });

  it('signs out: the session no longer works, and sign-out itself needs the CSRF header', async () => {
    const s = await a.signIn(tokenA.token);
    expect((await a.request('/admin/api/session', { method: 'DELETE', headers: { cookie: s.cookie } })).status).toBe(403);
    const out = await a.request('/admin/api/session', { method: 'DELETE', headers: { cookie: s.cookie, 'x-bibia-csrf': s.csrf } });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^bibia_admin=; .*Max-Age=0/);
    expect((await adminGql(a, s, '{ __typename }')).status).toBe(401);
    expect((await (await a.request('/admin/api/session', { headers: { cookie: s.cookie } })).json().then(asAny)).signedIn).toBe(false);
  });

  it('ends the sessions of a revoked token', async () => {
    const other = await a.token('Révoqué bientôt');
    const s = await a.signIn(other.token);
    expect((await adminGql(a, s, '{ __typename }')).status).toBe(200);
    await revokeToken(a.server.prisma, other.id);
    expect((await adminGql(a, s, '{ __typename }')).status).toBe(401);
  });

  it('a publisher of member A cannot sign in at member B, nor change B’s data', async () => {
    const refused = await b.request('/admin/api/session', { method: 'POST', headers: { authorization: `Bearer ${tokenA.token}` } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('set-cookie')).toBeNull();
    const s = await a.signIn(tokenA.token);
    const forbidden = await (await adminGql(a, s, CREATE, { siren: B, input: { name: 'Chez le voisin' } })).json().then(asAny);
    expect(forbidden.errors[0].extensions.code).toBe('FORBIDDEN');
    // B's session cookie means nothing at A.
    const sb = await b.signIn(tokenB.token);
    expect((await adminGql(a, sb, '{ __typename }')).status).toBe(401);
  });

  it('refuses a sign-in without an Origin of this registry (login CSRF)', async () => {
    expect((await a.request('/admin/api/session', { method: 'POST', origin: 'https://evil.example', headers: { authorization: `Bearer ${tokenA.token}` } })).status).toBe(403);
    expect((await a.request('/admin/api/session', { method: 'POST', origin: null, headers: { authorization: `Bearer ${tokenA.token}` } })).status).toBe(403);
  });

  // Last: it leaves this address unable to sign in at B for a minute.
  it('rate-limits refused sign-ins: after 5 in a minute, even a good token is refused', async () => {
    // One sign-in was refused at B above (A's token): four more reach the budget of 5.
    for (let i = 0; i < 4; i++) {
      const res = await b.request('/admin/api/session', { method: 'POST', headers: { authorization: `Bearer bibia_pub_${B}_guess${i}` } });
      expect(res.status).toBe(401);
      expect((await res.json().then(asAny)).error.message).toMatch(/^Jeton refusé/);
    }
    const limited = await b.request('/admin/api/session', { method: 'POST', headers: { authorization: `Bearer ${tokenB.token}` } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
