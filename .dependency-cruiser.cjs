/**
 * The dependency direction of docs/ARCHITECTURE.md, enforced in CI (`npm run lint:deps`).
 * tests/architecture-lint.test.ts proves each rule catches a violation.
 */
const ours = '^(src-shared|hardware|src-main|src-renderer|sync-server)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-imports-nothing-of-ours',
      comment: 'src-shared is pure: it imports nothing of ours outside itself.',
      severity: 'error',
      from: { path: '^src-shared/' },
      to: { path: ours, pathNot: '^src-shared/' },
    },
    {
      name: 'shared-is-pure',
      comment: 'src-shared runs anywhere: no Node built-ins, no Electron, no React, no Dexie.',
      severity: 'error',
      from: { path: '^src-shared/', pathNot: '\\.(test|bench)\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-no-platform-packages',
      severity: 'error',
      from: { path: '^src-shared/', pathNot: '\\.(test|bench)\\.ts$' },
      to: { path: '^(electron|react|react-dom|dexie|zustand|ws|fastify)$|node_modules/(electron|react|react-dom|dexie|zustand|ws|fastify)/' },
    },
    {
      name: 'hardware-only-shared',
      comment: 'hardware imports only src-shared of ours.',
      severity: 'error',
      from: { path: '^hardware/' },
      to: { path: '^(src-main|src-renderer|sync-server)/' },
    },
    {
      name: 'hardware-no-ui',
      severity: 'error',
      from: { path: '^hardware/' },
      to: { path: '^(electron|react|react-dom|dexie|zustand)$|node_modules/(electron|react|react-dom|dexie|zustand)/' },
    },
    {
      name: 'main-not-renderer-or-server',
      severity: 'error',
      from: { path: '^src-main/' },
      to: { path: '^(src-renderer|sync-server)/' },
    },
    {
      name: 'only-electron-folder-imports-electron',
      severity: 'error',
      from: { pathNot: '^src-main/electron/' },
      to: { path: '^electron$|node_modules/electron/' },
    },
    {
      name: 'renderer-only-shared',
      comment: 'The renderer reaches devices solely through the kiosk API contract.',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { path: '^(hardware|src-main|sync-server)/' },
    },
    {
      name: 'renderer-no-node',
      severity: 'error',
      from: { path: '^src-renderer/src/', pathNot: '\\.test\\.tsx?$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'sync-server-only-shared',
      severity: 'error',
      from: { path: '^sync-server/' },
      to: { path: '^(hardware|src-main|src-renderer)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|\\.tsbuild)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.tests.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
