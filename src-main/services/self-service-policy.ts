import type { KioskHandlers } from '../../src-shared/api/dispatcher';
import type { MethodName } from '../../src-shared/api/contract';
import type { SlipKind } from '../../src-shared/api/printer';
import { err, failure, ok } from '../../src-shared/result';

/**
 * What a citizen's self-service point may ask of its host. Everything else — settings, accounts' devices, the
 * console, print-queue decisions, any slip but a queue ticket or the citizen's list of kept documents — is refused by the host itself, so no screen,
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
  // Only to the configured sync server, with the credential the host holds; enrollment is refused (sync-relay.ts).
  'sync.relay',
  // Works only while the host runs the simulated card reader (demo, tests); a real host answers card.simulator-off.
  'card.simulate',
]);

/** What a self-service page reads instead of the kiosk token (the relay replaces it with the real one). */
export const credentialHeldByHost = 'held-by-the-host-' + '0'.repeat(32);

export const notInSelfService = (method: string) =>
  failure(
    'api.not-in-self-service',
    `Điểm tự phục vụ không được dùng chức năng "${method}". Vui lòng liên hệ cán bộ.`,
    `"${method}" is not available at a self-service point. Please ask an officer.`,
  );

/** What a citizen may print at the point: a queue ticket, and the list of the documents they kept. */
const citizenSlips: ReadonlySet<SlipKind> = new Set<SlipKind>(['queue-ticket', 'kept-documents']);

/** The handlers of a self-service host: the allowed ones unchanged (printing only citizens' slips), the rest refusing. */
export function selfServiceHandlers(handlers: KioskHandlers): KioskHandlers {
  const guarded: Record<string, unknown> = {};
  for (const [method, handler] of Object.entries(handlers)) {
    guarded[method] = selfServiceMethods.has(method as MethodName) ? handler : () => Promise.resolve(err(notInSelfService(method)));
  }
  const print = handlers['printer.print'];
  guarded['printer.print'] = (input: Parameters<typeof print>[0], context: Parameters<typeof print>[1]) =>
    citizenSlips.has(input.slip.kind) ? print(input, context) : Promise.resolve(err(notInSelfService(`printer.print(${input.slip.kind})`)));
  // The public screen never sees the kiosk's credential: the relay adds it on the way out.
  const readSettings = handlers['settings.get'];
  guarded['settings.get'] = async (input: Parameters<typeof readSettings>[0], context: Parameters<typeof readSettings>[1]) => {
    const answer = await readSettings(input, context);
    return answer.ok && answer.value.kioskToken !== undefined ? ok({ ...answer.value, kioskToken: credentialHeldByHost }) : answer;
  };
  return guarded as KioskHandlers;
}
