import { setLogSink } from '../src-shared/log';
import { buildApp } from './app';
import { configFromEnv } from './config';
import { startHousekeeping } from './housekeeping';
import { openStorage } from './storage';
import { createSyncStore } from './sync-store';

// The server's log goes to stdout as JSON lines (what a service manager collects); no personal data is logged.
setLogSink((entry) => process.stdout.write(`${JSON.stringify({ t: new Date().toISOString(), ...entry })}\n`));

const config = configFromEnv(process.env);
if (!config.ok) {
  process.stderr.write(`${config.error.messageEn}\n`);
  process.exit(2);
}
const db = await openStorage(config.value.storage);
const store = await createSyncStore(db, { now: Date.now });
const app = buildApp(store, config.value);
const address = await app.listen({ port: config.value.port, host: config.value.host });
process.stdout.write(`MotCua sync server (${store.kind}, epoch ${store.epoch}): ${address}\n`);
// Citizens' kept documents are forgotten 30 days after they arrived (docs/SYNC-PROTOCOL.md).
const housekeeping = startHousekeeping(() => store.citizenDocuments.purgeExpired());

async function stop(): Promise<void> {
  housekeeping.stop();
  await app.close();
  await housekeeping.running();
  await store.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
