import { calendarDueCommand } from './commands/calendar';
import { cardListCommand, cardReadCommand } from './commands/card';
import { catalogueCheckCommand } from './commands/catalogue';
import { printerStatusCommand, printReceiptCommand, printTestCommand } from './commands/print';
import { versionCommand } from './commands/version';
import { runCli } from './runner';

const commands = [versionCommand, calendarDueCommand, catalogueCheckCommand, printTestCommand, printReceiptCommand, printerStatusCommand, cardListCommand, cardReadCommand];

void runCli(commands, process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
}).then((code) => {
  process.exitCode = code;
});
