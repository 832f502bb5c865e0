import { defineConfig } from 'vitest/config';

// End-to-end: the built web host and renderer, driven in Debian's Chromium. Run after `npm run build`.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
