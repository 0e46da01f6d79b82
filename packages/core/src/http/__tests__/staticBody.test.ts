import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { acceptsGzip, contentTypeOf, noneMatch, sendStatic, staticBody, type StaticBody } from '../staticBody';

const LARGE = 'const x = 1;\n'.repeat(500);
const SMALL = '<!doctype html><title>t</title>\n';
const CSP = "default-src 'self'";

describe('staticBody', () => {
  it('computes a strong ETag from the bytes, weak when gzip may change them', () => {
    const a = staticBody(SMALL, { contentType: 'text/html' });
    expect(a.etag).toMatch(/^"[\w-]{27}"$/);
    expect(staticBody(Buffer.from(SMALL), { contentType: 'text/plain' }).etag).toBe(a.etag);
    expect(staticBody(`${SMALL} `, { contentType: 'text/html' }).etag).not.toBe(a.etag);
    expect(staticBody(SMALL, { contentType: 'text/html', gzip: true }).etag).toBe(`W/${a.etag}`);
  });

  it('gzips once, only above the threshold and only when it helps', () => {
    const large = staticBody(LARGE, { contentType: 'text/javascript', gzip: true });
    expect(gunzipSync(large.gzipped!).toString()).toBe(LARGE);
    expect(staticBody(LARGE, { contentType: 'text/javascript' }).gzipped).toBeUndefined();
    expect(staticBody(SMALL, { contentType: 'text/html', gzip: true }).gzipped).toBeUndefined();
    expect(staticBody(SMALL, { contentType: 'text/html', gzip: true, gzipMinBytes: 0 }).gzipped).toBeUndefined(); // larger gzipped
    expect(staticBody(randomBytes(4096), { contentType: 'application/octet-stream', gzip: true }).gzipped).toBeUndefined(); // incompressible
  });

  it('puts security headers first, the caller’s over them, and its own type, cache and ETag last', () => {
    const file = staticBody(SMALL, { contentType: 'text/html', headers: { 'content-security-policy': CSP, 'cache-control': 'no-store', 'referrer-policy': 'same-origin' } });
    expect(file.headers).toEqual({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
      'x-frame-options': 'DENY',
      'content-security-policy': CSP,
      'content-type': 'text/html',
      'cache-control': 'no-cache',
      etag: file.etag,
    });
    expect(staticBody(SMALL, { contentType: 'text/html', cacheControl: 'max-age=60', gzip: true }).headers).toMatchObject({ 'cache-control': 'max-age=60', vary: 'accept-encoding' });
  });
});

describe('noneMatch', () => {
  const strong = '"abc"';
  it.each([
    [undefined, false],
    ['', false],
    ['"abc"', true],
    ['W/"abc"', true],
    ['"xyz", W/"abc"', true],
    ['"xyz","abc"', true],
    ['"xyz"', false],
    ['"ab"', false],
    ['abc', false],
    ['*', true],
    [' * ', true],
  ])('%p names "abc": %p', (header, expected) => {
    expect(noneMatch(header, strong)).toBe(expected);
    expect(noneMatch(header, `W/${strong}`)).toBe(expected);
  });
});

describe('acceptsGzip', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['gzip', true],
    ['GZIP', true],
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.5', true],
    ['x-gzip', true],
    ['gzip;q=0', false],
    ['gzip; q=0.000', false],
    ['deflate, br', false],
    ['notgzip', false],
    ['*', true],
    ['*;q=0', false],
    ['*, gzip;q=0', false],
    ['gzip;q=0, *', false],
    ['identity', false],
    [['br', 'gzip'], true],
  ])('%p: %p', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe('contentTypeOf', () => {
  it('names the types of our files by extension, and nothing else', () => {
    expect(['index.html', 'app.js', 'style.css', 'icon.svg', 'APP.JS', 'notes.txt', 'js', '.js'].map(contentTypeOf)).toEqual([
      'text/html; charset=utf-8',
      'text/javascript; charset=utf-8',
      'text/css; charset=utf-8',
      'image/svg+xml',
      'text/javascript; charset=utf-8',
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('sendStatic over HTTP', () => {
  let server: http.Server;
  let port: number;
  const files: Record<string, StaticBody> = {
    '/small': staticBody(SMALL, { contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': CSP } }),
    '/large': staticBody(LARGE, { contentType: 'text/javascript; charset=utf-8', gzip: true }),
  };

  beforeAll(async () => {
    server = http.createServer((req, res) => sendStatic(req, res, files[req.url ?? '']));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** A raw request: no decompression, the bytes as sent. */
  function request(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('answers GET with the bytes, their length and every header', async () => {
    const res = await request('/small');
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe(SMALL);
    expect(res.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'content-length': String(Buffer.byteLength(SMALL)),
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cache-control': 'no-cache',
      etag: files['/small'].etag,
    });
    expect(res.headers.vary).toBeUndefined();
    expect(res.headers['content-encoding']).toBeUndefined();
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const res = await request('/large', { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(0);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-length']).toBe(String(files['/large'].gzipped!.length));
  });

  it('refuses other methods with 405 and Allow', async () => {
    const res = await request('/small', {}, 'POST');
    expect([res.status, res.headers.allow, res.body.toString()]).toEqual([405, 'GET, HEAD', 'Method not allowed']);
    expect(res.headers.etag).toBeUndefined();
  });

  it('answers 304 without a body to a matching If-None-Match, weak or strong, in a list, or *', async () => {
    const etag = files['/small'].etag;
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const res = await request('/small', { 'if-none-match': header });
      expect([header, res.status, res.body.length, res.headers.etag, res.headers['content-length']]).toEqual([header, 304, 0, etag, undefined]);
      expect(res.headers['content-security-policy']).toBe(CSP);
    }
    const miss = await request('/small', { 'if-none-match': '"other"' });
    expect(miss.status).toBe(200);
  });

  it('sends gzip to clients that accept it, with Vary, and the plain bytes to others', async () => {
    const zipped = await request('/large', { 'accept-encoding': 'br;q=1, gzip;q=0.8' });
    expect(zipped.headers).toMatchObject({ 'content-encoding': 'gzip', vary: 'accept-encoding', 'content-length': String(zipped.body.length) });
    expect(gunzipSync(zipped.body).toString()).toBe(LARGE);
    expect(zipped.body.length).toBeLessThan(LARGE.length / 2);
    for (const header of ['gzip;q=0', 'br', '']) {
      const plain = await request('/large', header ? { 'accept-encoding': header } : {});
      expect([header, plain.headers['content-encoding'], plain.headers.vary, plain.body.toString() === LARGE]).toEqual([header, undefined, 'accept-encoding', true]);
    }
    const notModified = await request('/large', { 'accept-encoding': 'gzip', 'if-none-match': files['/large'].etag });
    expect([notModified.status, notModified.headers['content-encoding'], notModified.body.length]).toEqual([304, undefined, 0]);
  });
});
