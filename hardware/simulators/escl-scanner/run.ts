import { parseArgs } from 'node:util';
import { advertiseEscl } from './advertise';
import { startEsclSimulator } from './simulator';

/**
 * A simulated eSCL scanner for demos and manual testing, e.g.
 *   npx tsx hardware/simulators/escl-scanner/run.ts --port 8090 [--mdns] [--busy 2] [--jam-after 2]
 * then `motcua scan --device http://127.0.0.1:8090/eSCL --out /tmp/hs.pdf`, or sane-airscan (docs/SCANNER.md).
 * Output goes to stdout directly: this is a command-line tool, not library code with a host-chosen log sink.
 */
const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '8090' },
    busy: { type: 'string', default: '0' },
    'jam-after': { type: 'string' },
    mdns: { type: 'boolean', default: false },
  },
});

const simulator = await startEsclSimulator({
  host: values.host,
  port: Number(values.port),
  script: { busyBeforeEachPage: Number(values.busy), ...(values['jam-after'] === undefined ? {} : { jamAfterSheets: Number(values['jam-after']) }) },
});
const advert = values.mdns ? advertiseEscl(simulator) : undefined;
process.stdout.write(`eSCL scanner simulator at ${simulator.baseUrl} (feeder: ${simulator.feederSheets} sheets)${advert ? ', advertised as _uscan._tcp' : ''}\n`);
const reload = setInterval(() => {
  // A demo keeps working: the feeder refills itself once empty.
  if (simulator.feederSheets === 0) simulator.loadFeeder([{ front: 'text' }, { front: 'text' }, { front: 'blank' }, { front: 'skewed' }, { front: 'text' }]);
}, 1000);
process.once('SIGINT', () => {
  clearInterval(reload);
  void Promise.all([simulator.close(), advert?.close()]).then(() => process.exit(0));
});
