import type { Failure, Result } from '../../src-shared/result';

/**
 * What the reader needs from a PC/SC reader, a vpcd bridge or the in-process virtual card: one APDU in, one
 * response APDU (data ‖ SW1 SW2) out. Adapters report failures with the codes below so the reader can tell a
 * card taken off the reader from a glitch worth retrying.
 */
export type CardTransport = { transmit(apdu: Uint8Array): Promise<Result<Uint8Array, Failure>> };

export const cardTransportCodes = {
  /** The card left the field (PC/SC SCARD_W_REMOVED_CARD, SCARD_E_NO_SMARTCARD). */
  removed: 'card-transport.removed',
  /** A glitch after which the same card is still there (SCARD_E_NOT_TRANSACTED, a contactless hiccup). */
  transient: 'card-transport.transient',
} as const;
