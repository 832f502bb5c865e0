import { spawn } from 'node:child_process';

export type RunOutput = {
  readonly code: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  /** scanimage said "Batch terminated": every page is on disk, whatever happens at exit. */
  readonly batchEnded: boolean;
};

/**
 * After "Batch terminated" scanimage only closes the device. Some backends hang there (the SANE test backend does,
 * about one run in 50 under load, in sane_exit): the pages are complete, so the process gets this long to exit
 * and is then killed rather than holding the counter for ever.
 */
const EXIT_GRACE_MS = 3000;

/**
 * Runs scanimage with a clean argument list (no shell: a device name is never interpreted). Each stdout line is
 * passed on as it comes (batch mode prints a file name per finished page). Aborting sends SIGINT, which
 * scanimage handles by cancelling the scan and closing the device properly.
 */
export function runScanimage(args: readonly string[], options: { env?: NodeJS.ProcessEnv; signal?: AbortSignal; timeoutMs?: number; onLine?: (line: string) => void }): Promise<RunOutput> {
  return new Promise((resolve) => {
    const child = spawn('scanimage', [...args], { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let pending = '';
    let batchEnded = false;
    let exitTimer: NodeJS.Timeout | undefined;
    const stop = () => child.kill('SIGINT');
    options.signal?.addEventListener('abort', stop, { once: true });
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGTERM'), options.timeoutMs) : undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) options.onLine?.(line);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (!batchEnded && /Batch terminated/.test(stderr)) {
        batchEnded = true;
        exitTimer = setTimeout(() => child.kill('SIGKILL'), EXIT_GRACE_MS);
      }
    });
    child.on('error', (cause) => {
      stderr += String(cause);
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (exitTimer) clearTimeout(exitTimer);
      options.signal?.removeEventListener('abort', stop);
      if (pending) options.onLine?.(pending);
      resolve({ code, signal, stdout, stderr, batchEnded });
    });
  });
}

export function scanimageAvailable(): Promise<boolean> {
  return runScanimage(['--version'], { timeoutMs: 5000 }).then((r) => r.code === 0);
}
