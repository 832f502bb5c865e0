import { z } from 'zod';
import type { MethodMap } from './define';

/**
 * The kiosk reaches the Center's sync server through its host: the page's Content-Security-Policy lets it talk
 * only to its own host, and the host checks that every call goes to the configured sync server (or is the
 * enrollment of a new one). Bodies are JSON text or base64 for attachment chunks (≤ 256 KiB each).
 */
export const syncRelayRequestSchema = z
  .object({
    url: z.url({ protocol: /^https?$/ }).max(2000),
    method: z.enum(['GET', 'POST', 'PUT', 'HEAD']),
    headers: z.record(z.string().max(100), z.string().max(2000)),
    bodyText: z.string().max(3_000_000).optional(),
    bodyBase64: z.string().max(1_000_000).optional(),
  })
  .strict();
export type SyncRelayRequest = z.infer<typeof syncRelayRequestSchema>;

export const syncRelayResponseSchema = z.object({
  status: z.int(),
  headers: z.record(z.string(), z.string()),
  bodyText: z.string(),
});
export type SyncRelayResponse = z.infer<typeof syncRelayResponseSchema>;

export const syncRelayMethods = {
  'sync.relay': { input: syncRelayRequestSchema, output: syncRelayResponseSchema, summary: "One HTTP call to the Center's sync server, made by the host for the renderer" },
} satisfies MethodMap;
