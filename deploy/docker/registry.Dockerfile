# syntax=docker/dockerfile:1
# A member registry (bibia-registry): one collectivité's AI tools and practice reports.
# Build from the repository root (this file's .dockerignore applies):
#   docker build -f deploy/docker/registry.Dockerfile -t bibia-registry:0.1.0 .
# Run with embedded storage in a volume, or set DATABASE_URL (deploy/compose/registry):
#   docker run -p 4201:4201 -e REGISTRY_SIREN=<siren> -v bibia-registry-data:/data bibia-registry:0.1.0
# Steps and options: docs/deployment.md.
ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: production dependencies and the Prisma client, nothing downloaded at run time ------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# npm ci needs every workspace's package.json (the lockfile lists them all).
COPY package.json package-lock.json ./
COPY packages/core/package.json packages/core/
COPY subgraphs/kit/package.json subgraphs/kit/
COPY subgraphs/registry/package.json subgraphs/registry/
COPY subgraphs/directory/package.json subgraphs/directory/
COPY subgraphs/index/package.json subgraphs/index/
COPY gateway/package.json gateway/
COPY clients/sdk/package.json clients/sdk/
COPY clients/cli/package.json clients/cli/
COPY clients/web/package.json clients/web/
COPY clients/admin/package.json clients/admin/
COPY tests/package.json tests/
COPY ops/package.json ops/
# --ignore-scripts: no dependency install script runs (Prisma's would download engines; npm 10 in
# the node image does not read package.json "allowScripts"). The one script needed, the Prisma
# client generation of the root postinstall, runs below, offline.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY subgraphs/kit/bin subgraphs/kit/bin/
COPY subgraphs/registry/prisma subgraphs/registry/prisma/
RUN node subgraphs/kit/bin/prisma-generate.js subgraphs/registry/prisma/schema.prisma

# --- runtime: sources (run through swc, as everywhere), no build tools, non-root -------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY tsconfig.json .swcrc ./
COPY packages/core/bin packages/core/bin/
COPY packages/core/src packages/core/src/
COPY subgraphs/kit/src subgraphs/kit/src/
COPY subgraphs/registry/bin subgraphs/registry/bin/
COPY subgraphs/registry/src subgraphs/registry/src/
# The publishers' back-office (/admin), loaded on its first request, and what it reuses: the
# CLI's import and export, the SDK, the catalogue's content security policy.
COPY clients/admin/src clients/admin/src/
COPY clients/admin/public clients/admin/public/
COPY clients/cli/src clients/cli/src/
COPY clients/sdk/src clients/sdk/src/
COPY clients/web/src clients/web/src/
COPY subgraphs/registry/seed subgraphs/registry/seed/
COPY schema/registry.graphql schema/
COPY deploy/healthcheck.js deploy/
# The embedded database (PGlite) lives in /data unless DATABASE_URL names a PostgreSQL server.
RUN mkdir -p /data && chown node:node /data
ENV HOST=0.0.0.0 PORT=4201 DATA_DIR=/data
# Two malloc arenas, and memory freed after the start given back to the system (docs/registry.md, "Footprint").
ENV MALLOC_ARENA_MAX=2 MALLOC_TRIM_THRESHOLD_=131072 MALLOC_MMAP_THRESHOLD_=131072
VOLUME ["/data"]
EXPOSE 4201
# The node image's unprivileged user (uid 1000).
USER node
# /ready answers 200 once the database answers; start-up applies migrations first.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["node", "deploy/healthcheck.js", "/ready"]
ENTRYPOINT ["node", "subgraphs/registry/bin/bibia-registry.js"]
CMD ["serve"]
