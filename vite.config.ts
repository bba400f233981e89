import { configDefaults, defineConfig } from 'vitest/config';
import { phaserCore } from './src/client/map/phaserCore.js';
import { scenarioPlugin } from './src/scenario/vitePlugin.js';

export default defineConfig({
  plugins: [scenarioPlugin(), phaserCore()],
  build: {
    target: 'es2022',
    // Phaser's core alone is about 0.8 MB before gzip; warn only past that, not on every build.
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      // Solo play imports boardgame.io's Local transport, which shares a module with the
      // socket transport; marking socket.io's client side-effect free lets it be dropped
      // until online play actually uses it.
      treeshake: {
        moduleSideEffects: (id: string) => !/node_modules[\\/](socket\.io-client|engine\.io-client|socket\.io-parser|engine\.io-parser|@socket\.io)[\\/]/.test(id),
      },
      output: {
        // Phaser in its own chunk: it changes far less often than the game, so browsers keep it cached.
        codeSplitting: { groups: [{ name: 'phaser', test: /node_modules[\\/]phaser[\\/]/ }] },
      },
    },
  },
  // The bot worker is an ES module (it imports the rules and the bundled scenario).
  worker: { format: 'es', plugins: () => [scenarioPlugin()] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/e2e/**', 'tests/integration/**'],
          // The fuzz and simulation tests play thousands of games; give them room on a 2-core machine.
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          // Real servers on loopback ports, real SQLite, PostgreSQL and Redis.
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // Each file starts its own servers; one file at a time keeps 2 cores from thrashing.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // Builds the client once with the test hook and serves it on a free loopback port.
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 240_000,
          hookTimeout: 240_000,
          // One Chromium at a time on 2 cores, and only after the unit tests have finished.
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
