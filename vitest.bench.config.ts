import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [],
    benchmark: { include: ['src-shared/**/*.bench.ts', 'src-main/**/*.bench.ts', 'hardware/**/*.bench.ts', 'sync-server/**/*.bench.ts'] },
    environment: 'node',
  },
});
