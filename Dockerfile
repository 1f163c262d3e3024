# The Pulso backend. Build: docker build -t pulso-backend .
# (Not built on the development machines: they have no Docker engine.)
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the postinstall only prepares the extension build, not needed here.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8787 PULSO_DATA_DIR=/data
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY bin ./bin
COPY backend ./backend
COPY lib ./lib
# The store: PostgreSQL when DATABASE_URL is set (compose.yaml, several replicas); otherwise
# the embedded database (PGlite) on this volume, which the node user can write.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 8787
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:8787/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "bin/pulso.js", "serve"]
