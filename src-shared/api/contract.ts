import { z } from 'zod';
import type { Result } from '../result';
import { mergeUnique, type EventMap, type MethodMap } from './define';
import { cardEvents, cardMethods } from './card';
import { deviceEvents, deviceMethods } from './devices';
import { queueEvents, queueMethods } from './queue';
import { syncRelayMethods } from './sync-relay';
import { scannerEvents, scannerMethods } from './scanner';
import { printerStateSchema, printJobSchema, slipSchema, uncertainDecisionSchema } from './printer';
import { settingsPatchSchema, settingsSchema } from './settings';
import { systemInfoSchema } from './system';

const noInput = z.object({}).strict();

const systemMethods = {
  'system.info': { input: noInput, output: systemInfoSchema, summary: 'Version, host mode and the devices the host knows' },
} satisfies MethodMap;

const settingsMethods = {
  'settings.get': { input: noInput, output: settingsSchema, summary: 'The kiosk settings, persisted by the host' },
  'settings.set': { input: settingsPatchSchema, output: settingsSchema, summary: 'Change some settings; answers the whole new settings' },
} satisfies MethodMap;

const printerMethods = {
  'printer.status': { input: noInput, output: printerStateSchema, summary: "The counter's receipt printer: its last status and recent jobs" },
  'printer.print': { input: z.object({ slip: slipSchema }).strict(), output: printJobSchema, summary: 'Queue a slip (receipt, ticket, form 02/03 slip, test page); answers the queued job' },
  'printer.resolve': {
    input: z.object({ jobId: z.string(), decision: uncertainDecisionSchema }).strict(),
    output: printJobSchema,
    summary: 'An officer settles a job whose printing is uncertain: printed, reprint (marked), or discard',
  },
} satisfies MethodMap;

/** Every method of the kiosk API: declared once, used by both transports, the host and the renderer. */
export const kioskMethods = mergeUnique('method', [systemMethods, settingsMethods, printerMethods, deviceMethods, queueMethods, scannerMethods, cardMethods, syncRelayMethods]);

/** Events pushed from the host to the renderer. */
export const kioskEvents = mergeUnique('event', [
  { 'settings.changed': settingsSchema } satisfies EventMap,
  { 'printer.job': printJobSchema, 'printer.status': printerStateSchema } satisfies EventMap,
  queueEvents,
  scannerEvents,
  deviceEvents,
  cardEvents,
]);

/**
 * Methods that wait on a device for longer than an ordinary call: their progress comes as events meanwhile, and a
 * transport with a call timeout waits this long for them (a 10-page feeder job with OCR takes minutes).
 */
export const slowMethodTimeoutsMs: Readonly<Record<string, number>> = { 'scanner.scan': 15 * 60_000, 'card.read': 2 * 60_000, 'face.verify': 2 * 60_000, 'sync.relay': 45_000 };

export type KioskMethods = typeof kioskMethods;
export type KioskEvents = typeof kioskEvents;
export type MethodName = Extract<keyof KioskMethods, string>;
export type EventName = Extract<keyof KioskEvents, string>;
export type MethodInput<M extends MethodName> = z.input<KioskMethods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<KioskMethods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<KioskMethods[M]['output']>;
export type EventPayload<E extends EventName> = z.output<KioskEvents[E]>;
export type ApiResult<T> = Result<T>;

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(kioskMethods, name);
export const isEventName = (name: string): name is EventName => Object.hasOwn(kioskEvents, name);

/** What the renderer sees, whichever transport carries it. */
export type KioskApi = {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
