import type { Failure, Result } from '../result';
import { call, jsonHeaders, type Transport } from './http';
import { enrollResponseSchema, paths, type EnrollResponse } from './protocol';

/** Exchanges a one-time enrollment code for this kiosk's own credential, unit and slot. */
export async function enrollKiosk(transport: Transport, baseUrl: string, code: string, kioskId: string): Promise<Result<EnrollResponse, Failure>> {
  const answer = await call(transport, baseUrl + paths.enroll, { method: 'POST', headers: jsonHeaders(null), body: JSON.stringify({ code, kioskId }) }, enrollResponseSchema);
  if (answer.ok) return answer;
  const { status: _status, expectedMutationId: _e, offset: _o, ...failure } = answer.error;
  return { ok: false, error: failure };
}
