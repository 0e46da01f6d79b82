// The deployment files (deploy/, docs/deployment.md) against the code: Docker is not available on
// the project's machines, so this test checks what a build or a `docker compose up` would find
// out late — commands that exist, environment variables the programs read, ports they listen on,
// health paths real servers answer, and files the images copy.
import crypto from 'node:crypto';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createLogger } from '@bibia/core';
import { loadConfig as directoryConfig } from '@bibia/directory';
import { loadConfig as gatewayConfig } from '@bibia/gateway';
import { loadConfig as indexConfig } from '@bibia/index';
import { loadConfig as registryConfig } from '@bibia/registry';
import { DEMO_MEMBERS, startStack, waitFor, type Stack } from '@bibia/testkit';
import {
  ROOT, argv, assignments, envFile, exists, interpolate, interpolatedNames, parseUnit, read, readImage, sourceInImage, splitOptions, yamlDocs, type Image,
} from './deployFiles';

/** The servers the deployment files run, by workspace package, with their real configuration. */
const APPS: Record<string, () => { port: number; host: string }> = {
  '@bibia/registry': () => registryConfig(),
  '@bibia/directory': () => directoryConfig(),
  '@bibia/index': () => indexConfig(),
  '@bibia/gateway': () => gatewayConfig(),
};

const WORKSPACES: { name: string; dir: string; pkg: any }[] = JSON.parse(read('package.json')).workspaces.map((dir: string) => {
  const pkg = JSON.parse(read(`${dir}/package.json`));
  return { name: pkg.name, dir, pkg };
});

/** The workspace package whose `bin` is this script (path from the repository root). */
function packageOfBin(script: string): string | undefined {
  return WORKSPACES.find((w) => Object.values<string>(w.pkg.bin ?? {}).some((file) => path.posix.join(w.dir, file) === script))?.name;
}

/** A workspace and every workspace it depends on at run time. */
function runtimeClosure(name: string, seen = new Set<string>()): Set<string> {
  seen.add(name);
  const pkg = WORKSPACES.find((w) => w.name === name)!.pkg;
  for (const dep of Object.keys(pkg.dependencies ?? {})) if (WORKSPACES.some((w) => w.name === dep) && !seen.has(dep)) runtimeClosure(dep, seen);
  return seen;
}

/** Runs `fn` with exactly this environment. */
function withEnv<T>(env: Record<string, string | undefined>, fn: () => T): T {
  const saved = process.env;
  process.env = env as NodeJS.ProcessEnv;
  try {
    return fn();
  } finally {
    process.env = saved;
  }
}

/** Every variable an app reads at start-up (its config and the logger), recorded as it reads. */
function namesRead(app: string): Set<string> {
  const names = new Set<string>();
  const recorder = new Proxy({}, { get: (_t, name) => (typeof name === 'string' && names.add(name), undefined) });
  withEnv(recorder, () => {
    createLogger('deploy-test');
    try {
      APPS[app]();
    } catch {
      // A required variable is missing: every name has been read by then.
    }
  });
  return names;
}

/** One server as a deployment file runs it. */
interface Deployed {
  where: string;
  app: string;
  /** After `node`: the script and its arguments. */
  args: string[];
  /** Its whole environment: the image's, then its own. */
  env: Record<string, string>;
  /** The variables the file sets for this server (not the image's, shared by all its servers). */
  own: string[];
  ports: number[];
  healthPaths: string[];
  image?: Image;
}

const IMAGE_FILES = { 'bibia-registry': 'deploy/docker/registry.Dockerfile', 'bibia-hub': 'deploy/docker/hub.Dockerfile' } as Record<string, string>;
const images = Object.fromEntries(Object.entries(IMAGE_FILES).map(([name, file]) => [name, readImage(file)]));
const imageNamed = (ref: string) => images[ref.split(':')[0].split('/').at(-1)!];

function deployed(where: string, command: string[], rest: Omit<Deployed, 'where' | 'app' | 'args' | 'own'>, own: Record<string, unknown>): Deployed {
  expect({ where, node: path.posix.basename(command[0]) }).toEqual({ where, node: 'node' });
  const app = packageOfBin(command[1]);
  expect({ where, script: command[1], app: app && app in APPS }).toEqual({ where, script: command[1], app: true });
  return { where, app: app!, args: command.slice(1), own: Object.keys(own), ...rest };
}

const healthPathOf = (check: string[]) => check.filter((a) => a.startsWith('/')).at(-1)!;

// ---- Compose --------------------------------------------------------------------------------
const COMPOSE_DIRS = ['deploy/compose/registry', 'deploy/compose/hub'];
/** A hub signing key as `bibia-hub-key --out -` prints it (a private JWK on one line). */
const TEST_HUB_KEY = JSON.stringify({ ...crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }), alg: 'ES256' });
/** Stand-ins for values env.example leaves empty (secrets, the SIREN of the collectivité). */
const TEST_VALUES: Record<string, string> = { REGISTRY_SIREN: DEMO_MEMBERS[1], HUB_SIGNING_KEY: TEST_HUB_KEY };
/** Stand-ins for the REPLACE_… values of the Kubernetes secret template that servers check. */
const TEST_SECRETS: Record<string, string> = { 'hub-signing-key': TEST_HUB_KEY };

function readCompose(dir: string) {
  const raw = yamlDocs(`${dir}/compose.yaml`)[0];
  const example = envFile(`${dir}/env.example`);
  // Required variables (`${NAME:?…}`) left empty get a stand-in; optional ones stay unset.
  const required = new Set([...read(`${dir}/compose.yaml`).matchAll(/\$\{(\w+):\?/g)].map((m) => m[1]));
  const vars = Object.fromEntries(Object.entries(example).map(([k, v]) => [k, v || (required.has(k) ? (TEST_VALUES[k] ?? `test${k.toLowerCase().replace(/_/g, '')}`) : '')]));
  const services: Record<string, any> = raw.services;
  const servers = Object.entries(services)
    .filter(([, s]) => imageNamed(s.image ?? ''))
    .map(([name, s]) => {
      const image = imageNamed(s.image);
      const env = Object.fromEntries(Object.entries<string>(s.environment ?? {}).map(([k, v]) => [k, interpolate(String(v), vars)]));
      const ports = [...(s.ports ?? []).map((p: string) => Number(String(p).split(':').at(-1))), ...(s.expose ?? []).map(Number)];
      return {
        name,
        service: s,
        ...deployed(`${dir} ${name}`, s.command ?? image.command, { env: { ...image.env, ...env }, ports, healthPaths: [healthPathOf(s.healthcheck?.test ?? image.healthcheck!)], image }, env),
      };
    });
  return { raw, services, servers, example };
}
const composes = COMPOSE_DIRS.map((dir) => ({ dir, ...readCompose(dir) }));

// ---- Kubernetes -----------------------------------------------------------------------------
const K8S = 'deploy/kubernetes';
const kustomization = yamlDocs(`${K8S}/kustomization.yaml`)[0];
const k8sDocs: any[] = kustomization.resources.flatMap((file: string) => yamlDocs(`${K8S}/${file}`));
const secret = yamlDocs(`${K8S}/secret.template.yaml`)[0];
const ofKind = (kind: string) => k8sDocs.filter((d) => d.kind === kind);
const configMaps = Object.fromEntries(ofKind('ConfigMap').map((c) => [c.metadata.name, c.data]));

function containerEnv(c: any, image: Image): Record<string, string> {
  const env: Record<string, string> = { ...image.env };
  for (const from of c.envFrom ?? []) Object.assign(env, configMaps[from.configMapRef.name]);
  for (const e of c.env ?? []) {
    const ref = e.valueFrom?.secretKeyRef;
    env[e.name] = ref ? (TEST_SECRETS[ref.key] ?? secret.stringData[ref.key]) : (e.value ?? (e.valueFrom?.fieldRef ? 'pod-name' : undefined));
  }
  return env;
}

const k8sServers = ofKind('Deployment').flatMap((d) =>
  d.spec.template.spec.containers.map((c: any) => {
    const image = imageNamed(c.image);
    return {
      deployment: d,
      container: c,
      ...deployed(`${K8S} ${d.metadata.name}`, c.command ?? image.command, {
        env: containerEnv(c, image),
        ports: c.ports.map((p: any) => p.containerPort),
        healthPaths: [c.readinessProbe, c.livenessProbe, c.startupProbe].filter(Boolean).map((p) => p.httpGet.path),
        image,
      }, Object.fromEntries([...(c.envFrom ?? []).flatMap((f: any) => Object.entries(configMaps[f.configMapRef.name])), ...(c.env ?? []).map((e: any) => [e.name, e])])),
    };
  }),
);

// ---- systemd --------------------------------------------------------------------------------
const UNIT = 'deploy/systemd/bibia-registry.service';
const unit = parseUnit(read(UNIT));
const service = unit.Service;
const unitEnv = { ...assignments(service.Environment.join(' ')), ...envFile('deploy/systemd/registry.env.example') };
const unitServer = deployed(UNIT, argv(service.ExecStart[0]), { env: { ...unitEnv, REGISTRY_SIREN: TEST_VALUES.REGISTRY_SIREN }, ports: [Number(unitEnv.PORT)], healthPaths: [] }, unitEnv);

const ALL: Deployed[] = [...composes.flatMap((c) => c.servers), ...k8sServers, unitServer];

/** Variables the runtime reads, not the programs: glibc's malloc settings (docs/registry.md, "Footprint"). */
const RUNTIME_VARIABLES = new Set(['MALLOC_ARENA_MAX', 'MALLOC_TRIM_THRESHOLD_', 'MALLOC_MMAP_THRESHOLD_']);

describe('deployment files', () => {
  describe.each(Object.entries(IMAGE_FILES))('image %s', (name, file) => {
    const image = images[name];
    const stageNames = image.stages.map((s) => s.name);
    const instructions = image.stages.flatMap((s) => s.instructions);

    it('is multi-stage, non-root, with a health check, a volume for the embedded database and its own .dockerignore', () => {
      expect(image.stages.length).toBeGreaterThanOrEqual(2);
      expect(image.user).toBeDefined();
      expect(['root', '0']).not.toContain(image.user!.split(':')[0]);
      expect(image.healthcheck?.[1]).toBe('deploy/healthcheck.js');
      expect(sourceInImage(image, image.healthcheck![1])).toBe('deploy/healthcheck.js');
      expect(image.volumes).toContain(image.env.DATA_DIR);
      const ignore = read(`${file}.dockerignore`).split('\n');
      expect(ignore).toEqual(expect.arrayContaining(['**/node_modules', '**/src/generated']));
    });

    it('copies files that exist, from stages that exist', () => {
      instructions.filter((i) => i.op === 'COPY').forEach(({ args }, n) => {
        const { options, rest } = splitOptions(args);
        if (options.from) expect(stageNames.slice(0, -1)).toContain(options.from);
        else for (const src of argv(rest).slice(0, -1)) expect({ n, src, exists: exists(src) }).toEqual({ n, src, exists: true });
      });
    });

    it('installs production dependencies only, from every workspace manifest, without install scripts', () => {
      const install = image.runs.find((r) => r.startsWith('npm ci'))!;
      expect(install).toMatch(/--omit=dev/);
      expect(install).toMatch(/--ignore-scripts/);
      for (const w of WORKSPACES) expect({ workspace: w.dir, copied: sourceInImage(image, `${w.dir}/package.json`) }).toEqual({ workspace: w.dir, copied: `${w.dir}/package.json` });
    });

    it('holds what its servers need: their bins, the sources of their workspaces, the Prisma clients generated at build time', () => {
      const servers = [...ALL.filter((d) => d.image === image).map((d) => d.args[0]), image.command[1]];
      const generate = image.runs.filter((r) => r.includes('subgraphs/kit/bin/prisma-generate.js')).flatMap((r) => argv(r));
      for (const script of servers) {
        expect({ script, copied: sourceInImage(image, script) }).toEqual({ script, copied: script });
        for (const dep of runtimeClosure(packageOfBin(script)!)) {
          const dir = WORKSPACES.find((w) => w.name === dep)!.dir;
          expect({ dep, src: sourceInImage(image, `${dir}/src/index.ts`) }).toEqual({ dep, src: `${dir}/src/index.ts` });
          const schema = `${dir}/prisma/schema.prisma`;
          if (exists(schema)) expect({ dep, generated: generate.includes(schema) && sourceInImage(image, schema) === schema }).toEqual({ dep, generated: true });
        }
      }
      expect(sourceInImage(image, 'packages/core/bin/register.js')).toBe('packages/core/bin/register.js');
      expect(sourceInImage(image, 'tsconfig.json')).toBe('tsconfig.json');
    });

    it('exposes the port its default command listens on, and sets only variables its servers read', () => {
      const app = packageOfBin(image.command[1])!;
      expect(image.expose).toEqual([withEnv({ ...image.env, REGISTRY_SIREN: TEST_VALUES.REGISTRY_SIREN }, APPS[app]).port]);
      const read = new Set([app, ...ALL.filter((d) => d.image === image).map((d) => d.app)].flatMap((a) => [...namesRead(a)]));
      expect(Object.keys(image.env).filter((n) => !read.has(n) && !RUNTIME_VARIABLES.has(n))).toEqual([]);
    });
  });

  describe('every server they run', () => {
    it.each(ALL.map((d) => [d.where, d] as const))('%s: reads every variable it is given, listens on the port declared', (_where, d) => {
      const known = namesRead(d.app);
      expect(d.own.filter((n) => !known.has(n) && !RUNTIME_VARIABLES.has(n))).toEqual([]);
      const config = withEnv(d.env, APPS[d.app]);
      expect(d.ports.length).toBeGreaterThan(0);
      for (const port of d.ports) expect(port).toBe(config.port);
      // In a container the server must listen on every interface to be reachable.
      if (d.image) expect(config.host).toBe('0.0.0.0');
    });

    it('starts with these arguments (each distinct command line answers --help)', async () => {
      const lines = [...new Set(ALL.map((d) => JSON.stringify(d.args)))].map((l) => JSON.parse(l) as string[]);
      const results = await Promise.all(lines.map((args) => node([...args, '--help'], {})));
      for (const [i, r] of results.entries()) expect({ args: lines[i], code: r.code, stdout: r.stdout.slice(0, 6) }).toEqual({ args: lines[i], code: 0, stdout: 'Usage:' });
    });
  });

  describe.each(composes.map((c) => [c.dir, c] as const))('compose %s', (dir, c) => {
    it('builds its images from the Dockerfiles, at the repository root', () => {
      for (const s of c.servers) {
        expect(path.resolve(ROOT, dir, s.service.build.context)).toBe(ROOT);
        expect(s.service.build.dockerfile).toBe(IMAGE_FILES[s.service.image.split(':')[0]]);
      }
    });

    it('takes every ${VARIABLE} from env.example, and no secret is written in the file', () => {
      expect([...interpolatedNames(read(`${dir}/compose.yaml`))].filter((n) => !(n in c.example))).toEqual([]);
      for (const [name, s] of Object.entries(c.services)) {
        for (const [key, value] of Object.entries<string>(s.environment ?? {})) {
          const password = /:\/\/[^:/@]*:([^@]*)@/.exec(String(value))?.[1];
          if (password !== undefined) expect({ name, key, password: password.startsWith('${') }).toEqual({ name, key, password: true });
          if (/TOKEN|PASSWORD|SECRET|AUTH/.test(key)) expect({ name, key, value }).toEqual({ name, key, value: expect.stringMatching(/^\$\{\w+[^}]*\}$/) });
        }
      }
      for (const [key, value] of Object.entries(c.example)) if (/TOKEN|PASSWORD|SECRET/.test(key)) expect({ key, value }).toEqual({ key, value: '' });
    });

    it('names services that exist, at the ports they listen on', () => {
      const portOf = new Map(c.servers.map((s) => [s.name, s.ports[0]]));
      for (const s of Object.values(c.services)) {
        for (const dep of Object.keys(s.depends_on ?? {})) {
          expect(Object.keys(c.services)).toContain(dep);
          if (s.depends_on[dep].condition === 'service_healthy') expect({ dep, healthcheck: Boolean(c.services[dep].healthcheck ?? imageNamed(c.services[dep].image ?? '')?.healthcheck) }).toEqual({ dep, healthcheck: true });
        }
        for (const net of s.networks ?? []) expect(Object.keys(c.raw.networks)).toContain(net);
      }
      for (const s of c.servers) {
        for (const value of Object.values(s.env)) {
          const url = /^(https?|postgresql|redis):\/\//.test(value) ? new URL(value) : undefined;
          if (!url) continue;
          expect(Object.keys(c.services)).toContain(url.hostname);
          if (portOf.has(url.hostname)) expect({ value, port: Number(url.port) }).toEqual({ value, port: portOf.get(url.hostname) });
        }
      }
    });
  });

  describe('kubernetes', () => {
    it('applies files that exist; the Secret is a template of placeholders, with every key the pods use', () => {
      for (const file of kustomization.resources) expect(exists(`${K8S}/${file}`)).toBe(true);
      expect(kustomization.resources).not.toContain('secret.template.yaml');
      for (const value of Object.values<string>(secret.stringData)) expect(value).toMatch(/REPLACE/);
      for (const { container } of k8sServers) {
        for (const e of container.env ?? []) if (e.valueFrom?.secretKeyRef) expect(Object.keys(secret.stringData)).toContain(e.valueFrom.secretKeyRef.key);
        for (const from of container.envFrom ?? []) expect(Object.keys(configMaps)).toContain(from.configMapRef.name);
      }
    });

    it('runs pods as non-root, ready on /ready and alive on /health, on their named port', () => {
      for (const { deployment, container, where } of k8sServers) {
        expect({ where, labels: deployment.spec.template.metadata.labels }).toEqual({ where, labels: expect.objectContaining(deployment.spec.selector.matchLabels) });
        expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
        expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
        expect({ where, ready: container.readinessProbe.httpGet.path, live: container.livenessProbe.httpGet.path }).toEqual({ where, ready: '/ready', live: '/health' });
        for (const probe of [container.readinessProbe, container.livenessProbe, container.startupProbe]) {
          expect(container.ports.map((p: any) => p.name)).toContain(probe.httpGet.port);
        }
      }
    });

    it('scales the gateway horizontally', () => {
      const gateway = k8sServers.find((s) => s.app === '@bibia/gateway')!;
      expect(gateway.deployment.spec.replicas).toBeGreaterThanOrEqual(2);
      const hpa = ofKind('HorizontalPodAutoscaler').find((h) => h.spec.scaleTargetRef.name === gateway.deployment.metadata.name);
      expect(hpa?.spec.minReplicas).toBeGreaterThanOrEqual(2);
    });

    it('has Services in front of the pods, and the URLs name them at their ports', () => {
      const services = new Map(ofKind('Service').map((s) => {
        const target = k8sServers.find((d) => Object.entries(s.spec.selector).every(([k, v]) => d.deployment.spec.template.metadata.labels[k] === v));
        expect({ service: s.metadata.name, selects: Boolean(target) }).toEqual({ service: s.metadata.name, selects: true });
        const port = s.spec.ports[0];
        expect(target!.container.ports.find((p: any) => p.name === port.targetPort)?.containerPort).toBe(target!.ports[0]);
        return [s.metadata.name, port.port as number];
      }));
      for (const d of k8sServers) {
        for (const [name, value] of Object.entries(configMaps[d.container.envFrom[0].configMapRef.name] as Record<string, string>)) {
          if (!name.endsWith('_URL')) continue;
          const url = new URL(value);
          expect({ name, port: services.get(url.hostname.split('.')[0]) }).toEqual({ name, port: Number(url.port) });
        }
      }
    });
  });

  describe('systemd unit', () => {
    it('runs as a dedicated user, hardened, with its data in its StateDirectory', () => {
      expect(service.User[0]).not.toMatch(/^(root|0)$/);
      expect(service).toMatchObject({ NoNewPrivileges: ['yes'], ProtectSystem: ['strict'], ProtectHome: ['yes'], PrivateTmp: ['yes'] });
      // V8's JIT and WebAssembly need writable code pages: this option would stop node.
      expect(service.MemoryDenyWriteExecute).toBeUndefined();
      expect(unitEnv.DATA_DIR).toBe(`/var/lib/${service.StateDirectory[0]}`);
      expect(path.isAbsolute(argv(service.ExecStart[0])[0])).toBe(true);
      expect(exists(argv(service.ExecStart[0])[1])).toBe(true);
      expect(Object.keys(unit)).toEqual(['Unit', 'Service', 'Install']);
    });
  });

  describe('health checks against real servers', () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack({ members: [{ siren: DEMO_MEMBERS[1] }], index: { harvest: false }, web: false });
      // A round counts once the index has read the member list: harvest until it is ready.
      await waitFor(async () => {
        await stack.index!.harvestOnce();
        return (await fetch(`${stack.index!.url}/ready`)).status === 200;
      }, 60_000);
    }, 300_000);
    afterAll(() => stack?.stop());

    it('every health path a file names answers 200 (through deploy/healthcheck.js, as the images run it)', async () => {
      const portOf: Record<string, number> = {
        '@bibia/registry': stack.members.get(DEMO_MEMBERS[1])!.port,
        '@bibia/directory': stack.directory.port,
        '@bibia/index': stack.index!.port,
        '@bibia/gateway': stack.gateway.port,
      };
      const checks = [...new Set(ALL.flatMap((d) => d.healthPaths.map((p) => `${d.app} ${p}`)))].map((c) => c.split(' '));
      expect(new Set(checks.map(([app]) => app))).toEqual(new Set(Object.keys(APPS)));
      const results = await Promise.all(checks.map(([app, p]) => node(['deploy/healthcheck.js', p], { PORT: String(portOf[app]) })));
      for (const [i, r] of results.entries()) expect({ check: checks[i].join(' '), code: r.code, stderr: r.stderr }).toEqual({ check: checks[i].join(' '), code: 0, stderr: '' });
    });

    it('the health check fails on a path that is not served and on a port nobody listens on', async () => {
      const closed = await node(['deploy/healthcheck.js', '/ready'], { PORT: '1' });
      const missing = await node(['deploy/healthcheck.js', '/nothing-here'], { PORT: String(stack.gateway.port) });
      expect([closed.code, missing.code]).toEqual([1, 1]);
      expect(missing.stderr).toMatch(/answered 404/);
    });
  });
});

/** Runs `node <args>` from the repository root with only PATH and `env`. */
function node(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: ROOT, env: { PATH: process.env.PATH, ...env }, timeout: 150_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
  });
}

// docs/deployment.md explains each of these files.
it('docs/deployment.md names every deployment file', () => {
  const doc = read('docs/deployment.md');
  const files = fs.readdirSync(path.join(ROOT, 'deploy'), { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).map((f) => path.relative(ROOT, path.join(f.parentPath, f.name)));
  expect(files.filter((f) => !doc.includes(f) && !f.endsWith('README.md'))).toEqual([]);
});
