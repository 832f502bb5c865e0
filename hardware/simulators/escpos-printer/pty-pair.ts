import { spawn, type ChildProcess } from 'node:child_process';

export type PtyPair = { readonly paths: readonly [string, string]; close(): Promise<void> };

/**
 * Two linked pseudo-terminals from socat (`socat -d -d pty,raw,echo=0 pty,raw,echo=0`): a real serial line with
 * no hardware, so the serial code under test opens a real tty. socat names the ptys on stderr
 * ("… N PTY is /dev/pts/5") and then says it is "starting data transfer loop".
 */
export function openPtyPair(timeoutMs = 5000): Promise<PtyPair> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn('socat', ['-d', '-d', 'pty,raw,echo=0', 'pty,raw,echo=0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    const paths: string[] = [];
    let text = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`socat did not report two ptys within ${timeoutMs} ms: ${text}`));
    }, timeoutMs);
    child.once('error', (cause) => {
      clearTimeout(timer);
      reject(cause);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      for (const match of text.matchAll(/PTY is (\S+)/g)) if (match[1] !== undefined && !paths.includes(match[1])) paths.push(match[1]);
      const [a, b] = paths;
      if (a !== undefined && b !== undefined && text.includes('starting data transfer loop')) {
        clearTimeout(timer);
        resolve({ paths: [a, b], close: () => stop(child) });
      }
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
