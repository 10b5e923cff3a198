# syntax=docker/dockerfile:1
# Concurrency Lab in one image: the standalone server that `npm test` runs its e2e against.
#   docker build -t concurrency-lab .
#   docker run --rm -p 3000:3000 --ulimit nofile=65536:65536 concurrency-lab
# With buildah or podman, add --format docker: the OCI format has no HEALTHCHECK.
# Put it behind a proxy or CDN only as the README's Deploy section says: the headers must survive.

# 1. Dependencies, from the lock file only, so this layer is cached until the lock changes.
FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# 2. The build: copies Pyodide into public/, next build, then scripts/standalone.mjs completes
#    .next/standalone (server.js, the traced node_modules, public/ with Pyodide, .next/static).
FROM node:20-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

# 3. The runner: that folder alone, run as the image's unprivileged `node` user.
FROM node:20-slim AS runner
WORKDIR /app
# HOSTNAME: the interface to listen on (Docker sets it to the container's id; server.js ignores that).
# MALLOC_MMAP_THRESHOLD_: glibc gives buffers of 128 KB and more (pages, their gzip) back when freed,
# instead of keeping ~40 MB of them after a burst of page requests (README, Deploy).
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 MALLOC_MMAP_THRESHOLD_=131072
COPY --from=build --chown=node:node /app/.next/standalone ./
USER node
EXPOSE 3000
# A static file through Next's own routing: cheap, and unlike /api/delay never refused when busy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/icon.svg`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# server.js takes SIGTERM (docker stop): no new connections, open answers finish, then it exits.
CMD ["node", "server.js"]
