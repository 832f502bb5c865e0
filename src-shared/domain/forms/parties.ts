import { recordChannelLabels, type AdministrativeRecord, type RecordChannel } from '../records';

/** The people and the request as forms 01–05 print them. Optional lines are left out, never printed blank. */

export type SubmitterBlock = {
  readonly fullName: string;
  readonly idNumber: string;
  readonly address: string;
  readonly phone?: string;
  readonly email?: string;
};

export type OwnerBlock = {
  readonly fullName: string;
  readonly idNumber?: string;
  readonly address?: string;
  readonly phone?: string;
};

export type ProcedureBlock = { readonly code: string; readonly name: string; readonly fieldName: string };

export type ChannelBlock = { readonly code: RecordChannel; readonly label: string };

export function submitterBlock(record: AdministrativeRecord): SubmitterBlock {
  const s = record.submitter;
  return {
    fullName: s.fullName,
    idNumber: s.idNumber,
    address: s.address,
    ...(s.phone === undefined || s.phone === '' ? {} : { phone: s.phone }),
    ...(s.email === undefined ? {} : { email: s.email }),
  };
}

/** The file's owner, only when it is someone else than the submitter (form 01: "chủ hồ sơ, nếu khác"). */
export function ownerBlock(record: AdministrativeRecord): OwnerBlock | undefined {
  const o = record.owner;
  if (o === undefined) return undefined;
  const samePerson = o.fullName === record.submitter.fullName && (o.idNumber === undefined || o.idNumber === record.submitter.idNumber);
  if (samePerson) return undefined;
  return {
    fullName: o.fullName,
    ...(o.idNumber === undefined ? {} : { idNumber: o.idNumber }),
    ...(o.address === undefined || o.address === '' ? {} : { address: o.address }),
    ...(o.phone === undefined || o.phone === '' ? {} : { phone: o.phone }),
  };
}

export function procedureBlock(record: AdministrativeRecord): ProcedureBlock {
  return { code: record.procedure.code, name: record.procedure.name, fieldName: record.procedure.fieldName };
}

export function channelBlock(record: AdministrativeRecord): ChannelBlock {
  return { code: record.channel, label: recordChannelLabels[record.channel].vi };
}
