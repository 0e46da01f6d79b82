# A member registry. Build from the repository root:
#   docker build -f ops/docker/registry.Dockerfile -t bibia-registry .
# Run (embedded storage in a volume):
#   docker run -p 4201:4201 -e REGISTRY_SIREN=216200410 -v bibia-data:/data bibia-registry
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json tsconfig.json .swcrc ./
COPY subgraphs ./subgraphs
COPY gateway/package.json gateway/
COPY clients/sdk/package.json clients/sdk/
COPY clients/cli/package.json clients/cli/
COPY clients/web/package.json clients/web/
COPY ops/package.json ops/
COPY schema ./schema
# Full install: the TypeScript sources run through swc, and the Prisma client is generated on install.
RUN npm ci && npm cache clean --force && mkdir -p /data && chown node /data
ENV HOST=0.0.0.0 PORT=4201 DATA_DIR=/data NODE_ENV=production
VOLUME /data
EXPOSE 4201
USER node
CMD ["node", "subgraphs/registry/bin/bibia-registry.js", "serve"]
