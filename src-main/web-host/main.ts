import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createLogger, setLogSink } from '../../src-shared/log';
import { join } from 'node:path';
import { assetsDir } from '../services/assets-dir';
import { defaultDataDir } from '../services/data-dir';
import { createKioskHost } from '../services/kiosk-host';
import { startWebHost } from './server';

const log = createLogger('web-host.main');

/** `node dist/web-host/main.mjs [--port N] [--host ADDR] [--data-dir DIR]`: the kiosk in any browser. */
async function main(): Promise<void> {
  setLogSink((entry) => process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`));
  const { values } = parseArgs({
    options: { port: { type: 'string' }, host: { type: 'string' }, 'data-dir': { type: 'string' }, 'renderer-dir': { type: 'string' } },
  });
  const port = values.port === undefined ? Number(process.env.MOTCUA_PORT ?? 5174) : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`Cổng không hợp lệ / Invalid port: ${String(values.port)}\n`);
    process.exit(2);
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const rendererDir = values['renderer-dir'] ?? fileURLToPath(new URL('../renderer/', import.meta.url));
  const host = await createKioskHost({
    dataDir,
    mode: 'web',
    fontsDir: join(assetsDir(), 'fonts'),
    ...(process.env.MOTCUA_PRINTER ? { printerUrl: process.env.MOTCUA_PRINTER } : {}),
    ...(process.env.MOTCUA_PRINTER_TEXT_MODE ? { printerTextMode: process.env.MOTCUA_PRINTER_TEXT_MODE } : {}),
    ...(process.env.MOTCUA_KIOSK_MODE === 'self-service' ? { kioskMode: 'self-service' as const } : {}),
  });
  const running = await startWebHost({ host, rendererDir, port, ...(values.host === undefined ? {} : { listenHost: values.host }) });
  log.info('web host started', { url: running.url, dataDir });
  // The start script and the e2e tests read this line to find the kiosk.
  process.stdout.write(`MotCua kiosk: ${running.url}\n`);
  const stop = () => {
    void running
      .close()
      .then(() => host.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
