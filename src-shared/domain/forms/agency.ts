import type { AdministrativeRecord, RecordEvent } from '../records';
import { fieldNames, type Need } from './build';
import { unitNameOf, type CenterProfile } from './center';
import { signature, SIGN_AND_SEAL_HINT, type Issuer, type SignatureBlock } from './header';
import { holderBefore } from './history';

/** Forms 04 and 05 come from the agency processing the file, signed by its head (not by a counter officer). */
export type AgencyLetterInput = {
  /** The history step to print; the latest matching one when omitted. */
  readonly seq?: number;
  /** Name and title of the head of the agency who signs, e.g. `{ title: 'CHỦ TỊCH', name: '…' }`. */
  readonly signer?: { readonly title?: string; readonly name?: string };
  /** The agency's name; defaults to the unit holding the file at that step, as named in the Center's profile. */
  readonly agencyName?: string;
  /** The body above the agency, printed over its name. */
  readonly superiorName?: string;
  /** "Kính gửi: …"; defaults to the file's owner. */
  readonly addressee?: string;
};

export function agencyIssuer(record: AdministrativeRecord, center: CenterProfile, event: RecordEvent, input: AgencyLetterInput): Issuer {
  const unitId = event.fromUnit ?? holderBefore(record, event.seq);
  const superiorName = input.superiorName ?? (unitId === center.unitId ? center.superiorName : undefined);
  return {
    unitId,
    unitName: input.agencyName?.trim().normalize('NFC') || unitNameOf(center, unitId),
    ...(superiorName === undefined ? {} : { superiorName }),
  };
}

export function agencySignature(input: AgencyLetterInput, need: Need): SignatureBlock {
  const title = need(input.signer?.title?.trim().normalize('NFC'), fieldNames.signerTitle);
  const name = need(input.signer?.name?.trim().normalize('NFC'), fieldNames.signerName);
  return signature(title.toLocaleUpperCase('vi'), SIGN_AND_SEAL_HINT, name);
}

export function addresseeOf(record: AdministrativeRecord, input: AgencyLetterInput): string {
  const given = input.addressee?.trim().normalize('NFC');
  if (given !== undefined && given !== '') return given;
  return `Ông/Bà ${record.owner?.fullName ?? record.submitter.fullName}`;
}
