import type { Dexie, Table } from 'dexie';
import type { OfficerAccount } from '../../../src-shared/domain/officers';
import type { Rating } from '../../../src-shared/domain/ratings/rating';
import type { Ticket } from '../../../src-shared/domain/queue/ticket';
import type { Procedure } from '../../../src-shared/domain/catalogue';
import type { KeptDocument } from '../../../src-shared/domain/citizens/kept-document';
import type {
  AdministrativeRecord,
  HandedInDocument,
  Officer,
  RecordChannel,
  RecordEvent,
  RecordStatus,
} from '../../../src-shared/domain/records';

/** A record as stored: the domain record plus the derived keys its indexes need. */
export type RecordRow = AdministrativeRecord & {
  /** The file owner's ID number (the submitter's when the owner has none). */
  readonly citizenId: string;
  /** searchKey() of the file owner's full name: folded, for prefix search. */
  readonly nameKey: string;
};

/** One status-history row; keyed [recordId+seq] so a record's history is one primary-key range. */
export type RecordEventRow = RecordEvent & { readonly recordId: string };

export type DocumentRow = HandedInDocument & { readonly recordId: string; readonly index: number };

/**
 * A catalogue procedure as stored: the whole catalogue `Procedure` (documents, fees, processing time, source…),
 * so the counter works from the local copy alone, plus the store's own fields.
 */
export type ProcedureRow = Procedure & {
  /**
   * Primary key, one per version: `${versionKey}@${effectiveFrom}` (see procedures-repository.ts). Versions of
   * one procedure with different effective dates coexist; the catalogue forbids overlapping versions of one
   * key, and two versions starting the same day would overlap, so the key is unique in any imported catalogue.
   */
  readonly code: string;
  /** When this kiosk stored the row (the catalogue's own dates are `effectiveFrom` / `source.retrievedOn`). */
  readonly updatedAt: number;
};

export type CitizenRow = {
  readonly idNumber: string;
  readonly fullName: string;
  readonly address?: string;
  readonly phone?: string;
  readonly email?: string;
  readonly updatedAt: number;
};

/** Scanned pages and other large blobs, content-addressed so records only carry hashes. */
export type PageRow = {
  readonly hash: string;
  readonly blob: Blob;
  readonly type: string;
  readonly size: number;
  readonly createdAt: number;
};

/**
 * A queue ticket (src-shared/domain/queue). `citizenId`: the 12-digit ID number of a citizen the self-service point
 * identified (chip + face) before issuing it, for the counter that calls it; not indexed, so no schema version.
 */
export type TicketRow = Ticket & {
  readonly citizenId?: string;
  /**
   * 'center': issued by the Center's server (the row's id is the server's, its number `centerTicketNumber`), kept
   * here for the counter's current ticket and the day's history; the Center's queue, not this table, decides who
   * is next. Absent: this kiosk's own ticket. Not indexed, so no schema version.
   */
  readonly source?: 'center';
};

export type OutboxMutation =
  | {
      readonly kind: 'record.receive';
      readonly entity: 'record';
      readonly entityId: string;
      readonly payload: { readonly record: AdministrativeRecord };
    }
  | {
      readonly kind: 'record.transition';
      readonly entity: 'record';
      readonly entityId: string;
      /** The server replays the lifecycle's transition on its own copy; `baseVersion` detects a lost update. */
      readonly payload: { readonly event: RecordEvent; readonly baseVersion: number };
    }
  | {
      /** A citizen's rating, sent to the server for the province's satisfaction figures; never pulled back. */
      readonly kind: 'rating.submit';
      readonly entity: 'rating';
      readonly entityId: string;
      readonly payload: { readonly rating: Rating };
    }
  | {
      /** A document the citizen chose to keep at the self-service point, for the counters of the Center (schema v7). */
      readonly kind: 'citizen-documents.keep';
      readonly entity: 'citizen-document';
      readonly entityId: string;
      readonly payload: { readonly document: KeptDocument };
    };

export type OutboxRow = OutboxMutation & { readonly mutationId: number; readonly createdAt: number };

/**
 * A citizen's kept document (schema v7): at a self-service point, what the citizen chose to keep (its PDF in
 * `pages`); at a counter, what it fetched from the Center's server for the file it is receiving.
 */
export type CitizenDocumentRow = KeptDocument;

/** A scanned page waiting to be uploaded to the sync server (schema v6): queued once its record was acknowledged. */
export type SyncUploadRow = { readonly hash: string; readonly queuedAt: number };

export type AuditAction =
  | 'record.receive'
  | 'record.transition'
  | 'catalogue.replace'
  | 'officer.create'
  | 'officer.update'
  | 'officer.sign-in'
  | 'officer.sign-in-refused';

export type AuditRow = {
  readonly id: string;
  readonly at: number;
  readonly actor: Officer;
  readonly action: AuditAction;
  readonly entity: 'record' | 'catalogue' | 'officer';
  readonly entityId: string;
  /** Codes and statuses only: no personal data in the audit log. */
  readonly detail: Readonly<Record<string, string | number | null>>;
};

export type SettingRow = { readonly key: string; readonly value: unknown };

export type StatusTally = Readonly<Partial<Record<RecordStatus, number>>>;

/** Statistics per day × receiving counter × field × channel (schema v2). See docs/RECORDS.md. */
export type DailyCountRow = {
  /** `YYYY-MM-DD` in UTC+7. */
  readonly day: string;
  readonly counterId: string;
  readonly fieldCode: string;
  readonly channel: RecordChannel;
  /** Records that moved into each status that day (hand-overs 4 → 4 not counted). */
  readonly entered: StatusTally;
  /** Records received (or registered) that day, by the status they are in now. */
  readonly inStatus: StatusTally;
  /** Records that finished that day, classed by the calendar's `classifyTimeliness` (finishing day vs due day). */
  readonly early: number;
  readonly onTime: number;
  readonly overdue: number;
};

export type DailyCountKey = [day: string, counterId: string, fieldCode: string, channel: RecordChannel];

export type MotCuaDb = Dexie & {
  procedures: Table<ProcedureRow, string>;
  records: Table<RecordRow, string>;
  recordEvents: Table<RecordEventRow, [string, number]>;
  citizens: Table<CitizenRow, string>;
  documents: Table<DocumentRow, [string, number]>;
  pages: Table<PageRow, string>;
  tickets: Table<TicketRow, string>;
  outbox: Table<OutboxRow, number>;
  audit: Table<AuditRow, string>;
  settings: Table<SettingRow, string>;
  /** From schema v2. */
  dailyCounts: Table<DailyCountRow, DailyCountKey>;
  /** From schema v3. */
  officers: Table<OfficerAccount, string>;
  /** From schema v5: citizens' ratings of the service (Decision 766), synced like records. */
  ratings: Table<Rating, string>;
  /** From schema v6: attachments waiting for upload to the sync server. */
  syncUploads: Table<SyncUploadRow, string>;
  /** From schema v7: citizens' kept documents (self-service digitization). */
  citizenDocuments: Table<CitizenDocumentRow, string>;
};
