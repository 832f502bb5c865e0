import { create } from 'zustand';
import type { MotCuaDb } from '../store';
import type { DocumentScan } from './scan-document';

/** What the officer has typed so far for one file: kept in IndexedDB so a crash or reload loses nothing. */
export type ReceiveDraft = {
  readonly idNumber: string;
  readonly fullName: string;
  readonly address: string;
  readonly phone: string;
  readonly email: string;
  readonly procedureKey: string;
  readonly documents: Readonly<Record<string, { original: number; certifiedCopy: number; photocopy: number }>>;
  readonly setsCount: number;
  readonly verificationNeeded: boolean;
  readonly feePaid: boolean;
  readonly resultDelivery: 'counter' | 'post';
  readonly pages: number;
  readonly copies: number;
  /** Scanned documents by checklist id: the PDF itself is in the local store, the draft keeps its hash. */
  readonly scans: Readonly<Record<string, DocumentScan>>;
  /** Who this file's citizen is according to the chip of their ID card, when it was read (see CardIdentify). */
  readonly chip?: { readonly passiveAuth: string; readonly faceScore?: number };
};

export const emptyDraft: ReceiveDraft = {
  idNumber: '',
  fullName: '',
  address: '',
  phone: '',
  email: '',
  procedureKey: '',
  documents: {},
  setsCount: 1,
  verificationNeeded: false,
  feePaid: true,
  resultDelivery: 'counter',
  pages: 1,
  copies: 1,
  scans: {},
};

const draftKey = 'draft.receive';

type DraftState = { readonly draft: ReceiveDraft; readonly restored: boolean };
export const useReceiveDraft = create<DraftState>()(() => ({ draft: emptyDraft, restored: false }));

let saveTimer: number | undefined;

/** Debounced: one write per pause in typing, not per key. */
export function updateDraft(db: MotCuaDb | undefined, patch: Partial<ReceiveDraft>): void {
  const draft = { ...useReceiveDraft.getState().draft, ...patch };
  useReceiveDraft.setState({ draft });
  if (!db) return;
  window.clearTimeout(saveTimer);
  saveTimer = window.setTimeout(() => void db.settings.put({ key: draftKey, value: draft }), 300);
}

export async function restoreDraft(db: MotCuaDb): Promise<void> {
  if (useReceiveDraft.getState().restored) return;
  const saved = await db.settings.get(draftKey);
  const value = saved?.value;
  useReceiveDraft.setState({ restored: true, draft: value !== null && typeof value === 'object' ? { ...emptyDraft, ...(value as Partial<ReceiveDraft>) } : emptyDraft });
}

export async function clearDraft(db: MotCuaDb): Promise<void> {
  window.clearTimeout(saveTimer);
  useReceiveDraft.setState({ draft: emptyDraft });
  await db.settings.delete(draftKey);
}
