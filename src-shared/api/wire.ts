import { z } from 'zod';

/** The WebSocket messages of the kiosk API (JSON text frames). The Electron transport carries the same shapes over IPC. */
export const callMessageSchema = z.object({
  t: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.unknown(),
  input: z.unknown(),
});

const failureSchema = z.object({ code: z.string(), message: z.string(), messageEn: z.string(), path: z.string().optional() });
export const resultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: failureSchema }),
]);

export const hostMessageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('result'), id: z.number().int(), result: resultSchema }),
  z.object({ t: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);

export type CallMessage = z.infer<typeof callMessageSchema>;
export type HostMessage = z.infer<typeof hostMessageSchema>;

/** Generous for settings and data calls; a scan or print reports progress through events instead. */
export const maxMessageBytes = 4 * 1024 * 1024;
