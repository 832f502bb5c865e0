import { SerialPort } from 'serialport';
import type { SimulatedPrinterCore } from './printer-core';

export type SerialEndpoint = { readonly path: string; close(): Promise<void> };

/** The printer's end of a serial line (one side of a socat pty pair in tests, a real port on a bench). */
export async function listenSerial(core: SimulatedPrinterCore, path: string, baudRate = 115200): Promise<SerialEndpoint> {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((cause) => (cause ? reject(cause) : resolve())));
  const session = core.openSession((bytes) => {
    if (port.isOpen) port.write(Buffer.from(bytes));
  });
  port.on('data', (chunk: Buffer) => session.receive(chunk));
  return {
    path,
    close: () => (port.isOpen ? new Promise<void>((resolve) => port.close(() => resolve())) : Promise.resolve()),
  };
}
