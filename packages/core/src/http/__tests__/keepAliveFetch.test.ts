import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { postGraphQL } from '../../graphql/postGraphQL';
import { keepAliveFetch } from '../keepAliveFetch';

describe('keepAliveFetch under postGraphQL', () => {
  let server: http.Server;
  let base: string;
  const bodies: string[] = [];
  const fetch = keepAliveFetch();

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        bodies.push(body);
        if (req.url === '/redirect') {
          res.writeHead(302, { location: 'http://elsewhere.invalid/' }).end();
        } else if (req.url === '/big') {
          // Chunked, no length: the reader must stop at its cap.
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write('{"data":{"x":"');
          res.write('y'.repeat(64 * 1024));
          res.end('"}}');
        } else if (req.url === '/silent') {
          // Never answers (the connection is closed after the tests).
        } else if (req.url === '/empty') {
          res.writeHead(204).end();
        } else {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { echo: JSON.parse(body) }, extensions: { bibia: { staleMembers: [] } } }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('posts the request and reads the answer, its extensions included, over one kept-alive connection', async () => {
    const connections = new Set<unknown>();
    server.on('connection', (socket) => connections.add(socket));
    const first = await postGraphQL(`${base}/graphql`, '{ a }', { é: 'état civil' }, { operationName: 'Op', fetch });
    const second = await postGraphQL(`${base}/graphql`, '{ b }', {}, { fetch });
    expect(first).toEqual({ ok: true, status: 200, data: { echo: { query: '{ a }', variables: { é: 'état civil' }, operationName: 'Op' } }, errors: [], extensions: { bibia: { staleMembers: [] } } });
    expect(second.ok && second.data).toEqual({ echo: { query: '{ b }', variables: {} } });
    expect(connections.size).toBeLessThanOrEqual(1);
  });

  it('does not follow a redirect', async () => {
    expect(await postGraphQL(`${base}/redirect`, '{ a }', {}, { fetch })).toMatchObject({ ok: false, status: 302, failure: 'redirect' });
  });

  it('stops reading at the size cap', async () => {
    expect(await postGraphQL(`${base}/big`, '{ a }', {}, { fetch, maxBytes: 1024 })).toMatchObject({ ok: false, failure: 'too large' });
  });

  it('gives up at the timeout', async () => {
    expect(await postGraphQL(`${base}/silent`, '{ a }', {}, { fetch, timeoutMs: 100 })).toMatchObject({ ok: false, failure: 'timeout' });
  });

  it('reports an answer without body and an unreachable server', async () => {
    expect(await postGraphQL(`${base}/empty`, '{ a }', {}, { fetch })).toMatchObject({ ok: false, failure: 'invalid answer' });
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    // The socket error's code, as with the global fetch: a refused connection means nothing was sent.
    const refused = { ok: false, failure: 'unreachable', detail: 'ECONNREFUSED' };
    expect(await postGraphQL(`http://127.0.0.1:${port}/graphql`, '{ a }', {}, { fetch })).toMatchObject(refused);
    expect(await postGraphQL(`http://127.0.0.1:${port}/graphql`, '{ a }', {})).toMatchObject(refused);
  });
});
