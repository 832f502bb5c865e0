import { open } from 'node:fs/promises';
import { err, ok, type Result } from '../../src-shared/result';
import { printerErrors, type PrinterFailure } from './errors';
import type { PrinterTransport } from './transport';

/**
 * A USB printer through the kernel's printer class driver (`/dev/usb/lp0` on Linux). Write-only: usblp does pass
 * status back on some models but not reliably, so reads say so and the queue prints without a status check.
 */
export async function openUsbLinePrinter(devicePath: string): Promise<Result<PrinterTransport, PrinterFailure>> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(devicePath, 'a');
  } catch (cause: unknown) {
    return err(printerErrors.unreachable(`${devicePath}: ${errorCode(cause)}`));
  }
  let closed = false;
  return ok({
    description: `usb ${devicePath}`,
    async write(bytes) {
      if (closed) return err(printerErrors.closed());
      try {
        let offset = 0;
        while (offset < bytes.length) {
          const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
          offset += bytesWritten;
        }
        return ok(undefined);
      } catch (cause: unknown) {
        return err(printerErrors.writeFailed(errorCode(cause)));
      }
    },
    read: async () => err(printerErrors.readUnsupported()),
    async close() {
      if (closed) return;
      closed = true;
      await handle.close().catch(() => undefined);
    },
  });
}

function errorCode(cause: unknown): string {
  if (cause instanceof Error && 'code' in cause && typeof cause.code === 'string') return cause.code;
  return cause instanceof Error ? cause.message : String(cause);
}
