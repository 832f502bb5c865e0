import { fileOwnerOf, type AdministrativeRecord, type RecordEvent } from '../../../src-shared/domain/records';
import { searchKey } from '../../../src-shared/text/search-key';
import type { CitizenRow, DocumentRow, RecordEventRow, RecordRow } from './schema';

export function toRecordRow(record: AdministrativeRecord): RecordRow {
  const owner = fileOwnerOf(record);
  return { ...record, citizenId: owner.idNumber ?? record.submitter.idNumber, nameKey: searchKey(owner.fullName) };
}

export function fromRecordRow(row: RecordRow): AdministrativeRecord {
  const { citizenId: _citizenId, nameKey: _nameKey, ...record } = row;
  return record;
}

export function toEventRow(recordId: string, event: RecordEvent): RecordEventRow {
  return { ...event, recordId };
}

export function fromEventRow(row: RecordEventRow): RecordEvent {
  const { recordId: _recordId, ...event } = row;
  return event;
}

export function toDocumentRows(record: AdministrativeRecord): DocumentRow[] {
  return record.documents.map((document, index) => ({ ...document, recordId: record.id, index }));
}

/** The people a record names, to prefill the next receipt for them; the newest details win. */
export function citizenRowsOf(record: AdministrativeRecord, at: number): CitizenRow[] {
  const { submitter, owner } = record;
  const rows: CitizenRow[] = [
    {
      idNumber: submitter.idNumber,
      fullName: submitter.fullName,
      address: submitter.address,
      updatedAt: at,
      ...(submitter.phone === undefined ? {} : { phone: submitter.phone }),
      ...(submitter.email === undefined ? {} : { email: submitter.email }),
    },
  ];
  if (owner?.idNumber !== undefined && owner.idNumber !== submitter.idNumber) {
    rows.push({
      idNumber: owner.idNumber,
      fullName: owner.fullName,
      updatedAt: at,
      ...(owner.address === undefined ? {} : { address: owner.address }),
      ...(owner.phone === undefined ? {} : { phone: owner.phone }),
    });
  }
  return rows;
}
