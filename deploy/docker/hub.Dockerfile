# syntax=docker/dockerfile:1
# The hub: one image for the directory, the national index and the gateway; the command picks the
# service (default: the gateway). Build from the repository root (this file's .dockerignore applies):
#   docker build -f deploy/docker/hub.Dockerfile -t bibia-hub:0.1.0 .
#   docker run bibia-hub:0.1.0 node subgraphs/directory/bin/bibia-directory.js   # PORT=4100 …
# Steps and options: docs/deployment.md (deploy/compose/hub, deploy/kubernetes).
ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: production dependencies and the Prisma clients, nothing downloaded at run time -----
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
COPY subgraphs/directory/prisma subgraphs/directory/prisma/
COPY subgraphs/index/prisma subgraphs/index/prisma/
# The index stores the contract's entities: it builds on the registry's models (and client).
RUN node subgraphs/kit/bin/prisma-generate.js subgraphs/registry/prisma/schema.prisma subgraphs/directory/prisma/schema.prisma subgraphs/index/prisma/schema.prisma

# --- runtime: sources (run through swc, as everywhere), no build tools, non-root -------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY tsconfig.json .swcrc ./
COPY packages/core/bin packages/core/bin/
COPY packages/core/src packages/core/src/
COPY subgraphs/kit/src subgraphs/kit/src/
COPY subgraphs/registry/src subgraphs/registry/src/
# The publishers' back-office (/admin), loaded on its first request, and what it reuses: the
# CLI's import and export, the SDK, the catalogue's content security policy.
COPY clients/admin/src clients/admin/src/
COPY clients/admin/public clients/admin/public/
COPY clients/cli/src clients/cli/src/
COPY clients/sdk/src clients/sdk/src/
COPY clients/web/src clients/web/src/
COPY subgraphs/directory/bin subgraphs/directory/bin/
COPY subgraphs/directory/src subgraphs/directory/src/
COPY subgraphs/index/bin subgraphs/index/bin/
COPY subgraphs/index/src subgraphs/index/src/
COPY gateway/bin gateway/bin/
COPY gateway/src gateway/src/
# The contract members must conform to (directory) and the supergraph served (gateway).
COPY schema schema/
COPY deploy/healthcheck.js deploy/
# Embedded databases (PGlite) of the directory and the index live in /data unless DATABASE_URL is
# set; give each service its own volume (compose and Kubernetes set DATABASE_URL instead).
RUN mkdir -p /data && chown node:node /data
ENV HOST=0.0.0.0 PORT=4000 DATA_DIR=/data
VOLUME ["/data"]
EXPOSE 4000
# The node image's unprivileged user (uid 1000).
USER node
# Each service answers /ready on its PORT: the directory once its database answers, the index
# after its first harvest round, the gateway once the supergraph and the member list are loaded.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["node", "deploy/healthcheck.js", "/ready"]
CMD ["node", "gateway/bin/bibia-gateway.js"]
