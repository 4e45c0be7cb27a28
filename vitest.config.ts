import { defineConfig } from 'vitest/config';

/**
 * Two projects, both run by `vitest run` (and so by `npm test`):
 * - `unit`: test/unit, no network, files in parallel.
 * - `integration`: test/integration against one real Neo4j that test/support/global-setup.ts provides
 *   (NEO4J_TEST_URI, or a throwaway local instance). Files run one at a time because they share that
 *   database and reset it.
 * - `integration-nlp`: the test files that also need the NLP service (NLP_FILES), with their own
 *   Neo4j and two NLP instances that test/support/nlp-setup.ts starts once. A project's global setup
 *   runs only when one of its files is queued, so running an API test file alone does not load
 *   CoreNLP (about 5 GB for two instances). It runs after `integration` (groupOrder), never beside it.
 *
 * Vitest requires the config as a default export; it is the only default export in the project.
 */
/** Integration test files that ingest or annotate through the NLP service. */
const NLP_FILES = [
  'test/integration/extract-quality.test.ts',
  'test/integration/ingest.test.ts',
  'test/integration/nlp.test.ts',
  'test/integration/safety.test.ts',
  'test/integration/safety.battery.test.ts',
];

const integration = {
  environment: 'node',
  fileParallelism: false,
  // A hang guard, not a speed bar: tests that run the CLIs start several Node processes, which on a
  // shared two-core machine can take minutes; a timed-out test keeps running and would disturb the
  // next test's graph.
  testTimeout: 180_000,
  hookTimeout: 180_000,
} as const;

export default defineConfig({
  resolve: {
    // One copy of graphql. Vite would give our code graphql's ESM build (index.mjs) while Node loads
    // its CommonJS build (index.js) for graphql-yoga and @graphql-tools, and graphql rejects objects
    // made by the other copy ("Cannot use GraphQLSchema ... from another module or realm").
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    // Global teardown stops the throwaway Neo4j, which may take up to ~35 s (SIGTERM, then SIGKILL).
    teardownTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          ...integration,
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: NLP_FILES,
          globalSetup: ['test/support/global-setup.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          ...integration,
          name: 'integration-nlp',
          include: NLP_FILES,
          globalSetup: ['test/support/global-setup.ts', 'test/support/nlp-setup.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
