# The GraphQL API against an external Neo4j (NEO4J_URI must be set; see docker-compose.yml).
# On start it applies the schema, loads seed/ and serves on $HOST:$PORT.
FROM node:20-slim

WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000

# Dependencies first, so code changes do not invalidate the npm layer. tsx runs the TypeScript
# sources directly, so there is no build step and dev dependencies are not needed.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY tsconfig.json ./
COPY src ./src
COPY schema ./schema
COPY cypher ./cypher
COPY seed ./seed

USER node
EXPOSE 4000
# As `npm start` runs it; node itself, so that it gets the signals (SIGTERM drains, docs/operations.md).
CMD ["node", "--import", "tsx", "src/bin/start.ts"]
