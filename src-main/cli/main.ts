import { calendarDueCommand } from './commands/calendar';
import { cardListCommand, cardReadCommand } from './commands/card';
import { catalogueCheckCommand } from './commands/catalogue';
import { devicesBundleCommand, devicesListCommand, devicesPermissionsCommand } from './commands/devices';
import { faceVerifyCommand } from './commands/face';
import { printCalibrationCommand, printerStatusCommand, printReceiptCommand, printTestCommand } from './commands/print';
import { scanCommand, scanListCommand } from './commands/scan';
import { syncEnrollCommand } from './commands/sync';
import { versionCommand } from './commands/version';
import { runCli } from './runner';

const commands = [versionCommand, calendarDueCommand, catalogueCheckCommand, printTestCommand, printReceiptCommand, printCalibrationCommand, printerStatusCommand, cardListCommand, cardReadCommand, faceVerifyCommand, devicesListCommand, devicesPermissionsCommand, devicesBundleCommand, scanListCommand, scanCommand, syncEnrollCommand()];

void runCli(commands, process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
}).then((code) => {
  process.exitCode = code;
});
