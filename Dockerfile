# syntax=docker/dockerfile:1
# Nocturna API image. Two stages:
#   build    every dependency, Prisma client generated offline, TypeScript compiled to dist/, then
#            pruned to production dependencies only
#   runtime  BASE + production node_modules + dist/ + prisma/migrations; non-root, no npm, no compiler
# Build: docker build -t nocturna-api:latest .   (or `make docker-build`)
# The base can be swapped: --build-arg BASE=node:20.20-bookworm-slim (any Debian-based image of Node 20.12 or later).
ARG BASE=node:20-bookworm-slim

FROM ${BASE} AS build
WORKDIR /app
ENV CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
COPY package.json package-lock.json ./
# --ignore-scripts: no dependency needs an install script (pg and Prisma 7 are JS/WASM; `prisma
# generate` runs below through the npm script). The npm cache is a build cache, not a layer.
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY prisma ./prisma
COPY scripts ./scripts
COPY src ./src
COPY explorer ./explorer
# `npm run build` runs the "generate" script first (Prisma client, offline), then tsc, then bundles
# the GraphiQL explorer into dist/explorer (served only where ENABLE_SANDBOX is on).
RUN npm run build \
 && test -f dist/src/cli/nocturna.js \
 && test -f dist/explorer/.vite/manifest.json
# Production dependencies only, for the runtime stage. --omit=optional also drops the optional
# peers @prisma/client pulls in (the prisma CLI, typescript: 250 MB; pg-cloudflare is the only other
# optional package, unused on Node). Then Prisma's query compilers for databases we do not use
# (PGlite is postgresql too) and the dependencies' source maps go.
RUN npm prune --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund \
 && find node_modules/@prisma/client/runtime \( -name '*mysql*' -o -name '*sqlite*' \
         -o -name '*sqlserver*' -o -name '*cockroachdb*' \) -delete \
 && find node_modules -name '*.map' -delete \
 && test ! -e node_modules/typescript && test ! -e node_modules/prisma

FROM ${BASE} AS runtime
LABEL org.opencontainers.image.title="nocturna-api" \
      org.opencontainers.image.description="Nocturna astrology calculation gateway (GraphQL)" \
      org.opencontainers.image.licenses="UNLICENSED"
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8000 \
    DATA_DIR=/app/data \
    NODE_OPTIONS=--enable-source-maps
# The runtime needs node only: drop npm, npx, corepack and yarn from the base, add the service user.
RUN rm -rf /usr/local/lib/node_modules /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack \
           /usr/local/bin/yarn /usr/local/bin/yarnpkg /opt/yarn-* \
 && groupadd --gid 10001 nocturna \
 && useradd --uid 10001 --gid nocturna --home-dir /app --no-create-home \
            --shell /usr/sbin/nologin nocturna
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY prisma ./prisma
COPY --chmod=755 docker/entrypoint.sh /usr/local/bin/docker-entrypoint.sh
COPY --chmod=755 docker/nocturna /usr/local/bin/nocturna
# Only DATA_DIR is writable by the service user; the code and dependencies stay root-owned.
RUN mkdir -p /app/data \
 && chown nocturna:nocturna /app/data \
 && chmod 700 /app/data
USER 10001:10001
EXPOSE 8000
# Liveness: GET /health (no curl in slim images: Node's fetch).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["serve"]
