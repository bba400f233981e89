import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The fuzz and simulation tests play thousands of games; give them room on a 2-core machine.
    testTimeout: 120_000,
  },
});
