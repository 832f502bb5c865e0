/**
 * A logger per module (no bare console in the code). The sink is chosen by the host: the web host and
 * Electron main write JSON lines; tests can capture. Never log personal data (names, ID numbers, faces).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogEntry = { readonly level: LogLevel; readonly module: string; readonly message: string; readonly data?: Readonly<Record<string, unknown>> };
export type LogSink = (entry: LogEntry) => void;

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
let sink: LogSink = () => undefined;
let threshold: LogLevel = 'info';

export function setLogSink(next: LogSink, minLevel: LogLevel = 'info'): void {
  sink = next;
  threshold = minLevel;
}

export type Logger = { [L in LogLevel]: (message: string, data?: Readonly<Record<string, unknown>>) => void };

export function createLogger(module: string): Logger {
  const emit = (level: LogLevel) => (message: string, data?: Readonly<Record<string, unknown>>) => {
    if (order[level] < order[threshold]) return;
    sink(data === undefined ? { level, module, message } : { level, module, message, data });
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
