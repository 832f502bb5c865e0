import type { Failure } from '../../src-shared/result';
import type { CliCommand } from './command';

export type CliStreams = { out(text: string): void; err(text: string): void };

/** Exit codes scripts can rely on: 0 done, 1 the operation failed, 2 the command line was wrong. */
export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

function helpText(commands: readonly CliCommand[]): string {
  const lines = commands.map((c) => `  ${c.usage}\n      ${c.summary}`);
  return ['MotCua — công cụ dòng lệnh cho kỹ thuật viên / command line for technicians', '', ...lines, '', 'Thêm --json để có kết quả dạng JSON / add --json for JSON output.'].join('\n');
}

function printFailure(streams: CliStreams, failure: Failure, json: boolean): void {
  if (json) streams.out(JSON.stringify({ ok: false, error: failure }, null, 2));
  else streams.err(`Lỗi: ${failure.message}\nError: ${failure.messageEn}`);
}

/** Finds the command whose path is the longest prefix of argv, runs it and prints its result. */
export async function runCli(commands: readonly CliCommand[], argv: readonly string[], streams: CliStreams): Promise<number> {
  const json = argv.includes('--json');
  const words = argv.filter((word) => word !== '--json');
  if (words.length === 0 || words[0] === 'help' || words[0] === '--help' || words[0] === '-h') {
    if (json) streams.out(JSON.stringify({ commands: commands.map((c) => ({ path: c.path.join(' '), usage: c.usage, summary: c.summary })) }, null, 2));
    else streams.out(helpText(commands));
    return exitCodes.ok;
  }
  const command = [...commands]
    .sort((a, b) => b.path.length - a.path.length)
    .find((c) => c.path.every((word, i) => words[i] === word));
  if (!command) {
    printFailure(streams, { code: 'cli.unknown-command', message: `Không có lệnh "${words.join(' ')}". Gõ "motcua help".`, messageEn: `Unknown command "${words.join(' ')}". Try "motcua help".` }, json);
    return exitCodes.usage;
  }
  const result = await command.run(words.slice(command.path.length));
  if (!result.ok) {
    printFailure(streams, result.error, json);
    if (!json && result.error.code === 'cli.usage') streams.err(`\n${command.usage}`);
    return result.error.code.startsWith('cli.') ? exitCodes.usage : exitCodes.failed;
  }
  streams.out(json ? JSON.stringify({ ok: true, value: result.value.json }, null, 2) : result.value.text);
  return exitCodes.ok;
}
