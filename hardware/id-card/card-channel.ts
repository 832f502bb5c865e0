import { err, ok, type Result } from '../../src-shared/result';
import { encodeCommand, parseResponse, type CommandApdu, type ResponseApdu } from './apdu';
import { concat } from './bytes';
import { idCardErrors, type IdCardFailure } from './errors';
import type { SecureChannel } from './secure-messaging';
import { cardTransportCodes, type CardTransport } from './transport';

/**
 * One logical connection to the chip: wraps commands in secure messaging once a session exists, maps transport
 * failures to reader failures, and follows the plain-text ISO conventions 61xx (GET RESPONSE) and 6Cxx
 * (repeat with the exact Le). Status words are returned, not judged: the caller knows which ones it expects.
 */
export type CardReply = ResponseApdu & { readonly authenticated: boolean };

export type CardChannel = {
  readonly extendedLength: boolean;
  send(command: CommandApdu): Promise<Result<CardReply, IdCardFailure>>;
  /** Starts (or, with undefined, drops) a secure messaging session. */
  useSecureMessaging(channel: SecureChannel | undefined): void;
  readonly secured: () => boolean;
};

const MAX_GET_RESPONSE = 64;

export function createCardChannel(transport: CardTransport, extendedLength: boolean): CardChannel {
  let secure: SecureChannel | undefined;

  const transmit = async (apdu: Uint8Array): Promise<Result<Uint8Array, IdCardFailure>> => {
    let answer;
    try {
      answer = await transport.transmit(apdu);
    } catch (caught) {
      return err(idCardErrors.transport(caught instanceof Error ? caught.message : 'transport threw'));
    }
    if (answer.ok) return answer;
    if (answer.error.code === cardTransportCodes.removed) return err(idCardErrors.cardRemoved(undefined));
    if (answer.error.code === cardTransportCodes.transient) return err(idCardErrors.transient(answer.error.messageEn));
    return err(idCardErrors.transport(answer.error.messageEn));
  };

  const sendPlain = async (command: CommandApdu): Promise<Result<CardReply, IdCardFailure>> => {
    const encoded = encodeCommand(command, { extendedLength });
    if (!encoded.ok) return encoded;
    const raw = await transmit(encoded.value);
    if (!raw.ok) return raw;
    let response = parseResponse(raw.value);
    if (!response.ok) return response;
    if (response.value.sw >> 8 === 0x6c) return sendPlain({ ...command, ne: response.value.sw & 0xff || 256 });
    let data = response.value.data;
    for (let i = 0; response.value.sw >> 8 === 0x61 && i < MAX_GET_RESPONSE; i += 1) {
      const more = await transmit(Uint8Array.of(command.cla & 0x80, 0xc0, 0, 0, response.value.sw & 0xff));
      if (!more.ok) return more;
      response = parseResponse(more.value);
      if (!response.ok) return response;
      data = concat(data, response.value.data);
    }
    return ok({ data, sw: response.value.sw, authenticated: false });
  };

  const sendSecure = async (channel: SecureChannel, command: CommandApdu): Promise<Result<CardReply, IdCardFailure>> => {
    const wrapped = channel.wrap(command, { extendedLength });
    if (!wrapped.ok) return wrapped;
    const raw = await transmit(wrapped.value);
    if (!raw.ok) return raw;
    return channel.unwrap(raw.value);
  };

  return {
    extendedLength,
    send: (command) => (secure === undefined ? sendPlain(command) : sendSecure(secure, command)),
    useSecureMessaging: (channel) => {
      secure = channel;
    },
    secured: () => secure !== undefined,
  };
}
