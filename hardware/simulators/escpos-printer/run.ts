import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startEscPosSimulator } from './simulator';

/**
 * A simulated printer for demos and manual testing, e.g.
 *   npx tsx hardware/simulators/escpos-printer/run.ts --port 9100 --out /tmp/printed
 * Every cut page is written to --out as page-N.png (and page-N.txt for text-mode lines).
 * Output goes to stdout directly: this is a command-line tool, not library code with a host-chosen log sink.
 */
const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '9100' },
    paper: { type: 'string', default: '80' },
    serial: { type: 'string' },
    out: { type: 'string', default: 'printed-pages' },
  },
});

const out = values.out;
await mkdir(out, { recursive: true });
const simulator = await startEscPosSimulator({
  tcp: { host: values.host, port: Number(values.port) },
  paperDots: values.paper === '58' ? 384 : 576,
  codePages: { 30: 'windows-1258', 52: 'windows-1258' },
  ...(values.serial === undefined ? {} : { serial: { path: values.serial } }),
});
process.stdout.write(`ESC/POS simulator on tcp ${values.host}:${simulator.tcpPort ?? '-'}${values.serial ? ` and ${values.serial}` : ''}; pages → ${out}\n`);

let written = 0;
const flush = async (): Promise<void> => {
  for (const page of simulator.pages.slice(written)) {
    await writeFile(join(out, `page-${page.index + 1}.png`), page.png);
    if (page.textLines.length > 0) await writeFile(join(out, `page-${page.index + 1}.txt`), `${page.textLines.join('\n')}\n`);
    process.stdout.write(`page ${page.index + 1}: ${page.width}×${page.height} dots, ${page.cut} cut\n`);
  }
  written = simulator.pages.length;
};
const timer = setInterval(() => void flush(), 250);
process.once('SIGINT', () => {
  clearInterval(timer);
  void flush()
    .then(() => simulator.close())
    .then(() => process.exit(0));
});
