import type { Failure, Result } from '../result';
import { call, jsonHeaders, type Transport } from './http';
import { plainFailure } from './kiosk-call';
import { enrollResponseSchema, paths, type EnrollResponse } from './protocol';

/** Exchanges a one-time enrollment code for this kiosk's own credential, unit and slot. */
export async function enrollKiosk(transport: Transport, baseUrl: string, code: string, kioskId: string): Promise<Result<EnrollResponse, Failure>> {
  const answer = await call(transport, baseUrl + paths.enroll, { method: 'POST', headers: jsonHeaders(null), body: JSON.stringify({ code, kioskId }) }, enrollResponseSchema);
  return answer.ok ? answer : { ok: false, error: plainFailure(answer.error) };
}
