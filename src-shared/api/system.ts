import { z } from 'zod';

export const deviceKindSchema = z.enum(['id-card-reader', 'receipt-printer', 'ticket-printer', 'document-scanner', 'barcode-scanner', 'camera', 'queue-display', 'rating-keypad']);

export const knownDeviceSchema = z.object({
  id: z.string(),
  kind: deviceKindSchema,
  name: z.string(),
  simulated: z.boolean(),
  status: z.enum(['ready', 'busy', 'offline', 'error']),
});

export const hostModeSchema = z.enum(['electron', 'web']);

/** A counter kiosk (officers sign in) or a citizens' self-service point (no sign-in, a few methods only). */
export const kioskModeSchema = z.enum(['counter', 'self-service']);
export type KioskMode = z.infer<typeof kioskModeSchema>;

export const systemInfoSchema = z.object({
  app: z.literal('motcua'),
  version: z.string(),
  mode: hostModeSchema,
  kioskMode: kioskModeSchema.default('counter'),
  electronVersion: z.string().optional(),
  nodeVersion: z.string(),
  platform: z.string(),
  startedAt: z.number(),
  devices: z.array(knownDeviceSchema),
});

export type SystemInfo = z.infer<typeof systemInfoSchema>;
export type KnownDevice = z.infer<typeof knownDeviceSchema>;
export type HostMode = z.infer<typeof hostModeSchema>;
