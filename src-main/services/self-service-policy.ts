import type { KioskHandlers } from '../../src-shared/api/dispatcher';
import type { MethodName } from '../../src-shared/api/contract';
import { err, failure } from '../../src-shared/result';

/**
 * What a citizen's self-service point may ask of its host. Everything else — settings, accounts' devices, the
 * console, print-queue decisions, any slip but a queue ticket — is refused by the host itself, so no screen,
 * URL or devtools trick at the public kiosk reaches the officers' functions.
 */
export const selfServiceMethods: ReadonlySet<MethodName> = new Set<MethodName>([
  'system.info',
  'settings.get',
  'card.readers',
  'card.read',
  'face.verify',
  'printer.print',
  'printer.status',
  'scanner.list',
  'scanner.capabilities',
  'scanner.scan',
  'scanner.cancel',
  'scanner.pdfChunk',
  'queue.recentCalls',
  // Works only while the host runs the simulated card reader (demo, tests); a real host answers card.simulator-off.
  'card.simulate',
]);

export const notInSelfService = (method: string) =>
  failure(
    'api.not-in-self-service',
    `Điểm tự phục vụ không được dùng chức năng "${method}". Vui lòng liên hệ cán bộ.`,
    `"${method}" is not available at a self-service point. Please ask an officer.`,
  );

/** The handlers of a self-service host: the allowed ones unchanged (printing only queue tickets), the rest refusing. */
export function selfServiceHandlers(handlers: KioskHandlers): KioskHandlers {
  const guarded: Record<string, unknown> = {};
  for (const [method, handler] of Object.entries(handlers)) {
    guarded[method] = selfServiceMethods.has(method as MethodName) ? handler : () => Promise.resolve(err(notInSelfService(method)));
  }
  const print = handlers['printer.print'];
  guarded['printer.print'] = (input: Parameters<typeof print>[0], context: Parameters<typeof print>[1]) =>
    input.slip.kind === 'queue-ticket' ? print(input, context) : Promise.resolve(err(notInSelfService(`printer.print(${input.slip.kind})`)));
  return guarded as KioskHandlers;
}
