/**
 * Who may talk to the web host. The kiosk API can print and read ID cards: a page from another origin
 * (or a DNS-rebinding trick) must never reach it.
 */
export type OriginPolicy = {
  readonly allowedOrigins: ReadonlySet<string>;
  readonly allowedHosts: ReadonlySet<string>;
};

const loopbackNames = ['127.0.0.1', 'localhost', '[::1]'];

export function loopbackPolicy(port: number, extraOrigins: readonly string[] = []): OriginPolicy {
  const hosts = loopbackNames.map((name) => `${name}:${port}`);
  return {
    allowedHosts: new Set(hosts),
    allowedOrigins: new Set([...hosts.map((host) => `http://${host}`), ...extraOrigins]),
  };
}

export function isLoopbackAddress(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** Browsers always send Origin on a WebSocket upgrade; tools on the same machine (the CLI, tests) may not. */
export function mayConnect(policy: OriginPolicy, origin: string | undefined, host: string | undefined, remoteAddress: string | undefined): boolean {
  if (host === undefined || !policy.allowedHosts.has(host)) return false;
  if (origin === undefined) return isLoopbackAddress(remoteAddress);
  return policy.allowedOrigins.has(origin);
}
