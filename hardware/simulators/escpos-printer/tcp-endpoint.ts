import { createServer, type Server, type Socket } from 'node:net';
import type { SimulatedPrinterCore } from './printer-core';

export type TcpEndpoint = { readonly port: number; close(): Promise<void> };

/** Listens like a network printer's raw port (9100 on a real one; port 0 here, and reports the one it got). */
export async function listenTcp(core: SimulatedPrinterCore, host = '127.0.0.1', port = 0): Promise<TcpEndpoint> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    const session = core.openSession((bytes) => {
      if (!socket.destroyed) socket.write(bytes);
    });
    socket.on('data', (chunk: Buffer) => session.receive(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const bound = typeof address === 'object' && address !== null ? address.port : port;
  return {
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
