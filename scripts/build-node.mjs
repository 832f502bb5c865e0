// Bundles the Node-side entry points with esbuild; the renderer is built by vite (src-renderer/vite.config.ts).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', packages: 'external' };
// CommonJS bundles have no import.meta.url; give them one so shared code can find files next to itself.
const cjsImportMeta = {
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl' },
};

await Promise.all([
  build({ ...common, format: 'esm', entryPoints: ['src-main/web-host/main.ts'], outfile: 'dist/web-host/main.mjs' }),
  build({ ...common, format: 'esm', entryPoints: ['src-main/cli/main.ts'], outfile: 'dist/cli/motcua.mjs' }),
  build({ ...common, format: 'esm', entryPoints: ['sync-server/main.ts'], outfile: 'dist/sync-server/main.mjs' }),
  build({ ...common, ...cjsImportMeta, format: 'cjs', entryPoints: ['src-main/electron/main.ts'], outfile: 'dist/electron/main.cjs' }),
  // A sandboxed preload can require only 'electron': everything else is bundled in.
  build({ ...common, packages: undefined, external: ['electron'], format: 'cjs', entryPoints: ['src-main/electron/preload.ts'], outfile: 'dist/electron/preload.cjs' }),
]);
