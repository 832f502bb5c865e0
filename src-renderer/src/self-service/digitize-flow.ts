import type { SlipInput } from '../../../src-shared/api/printer';
import type { KeptDocument } from '../../../src-shared/domain/citizens/kept-document';
import type { DocumentScan } from '../app/scan-document';

/**
 * "Digitize my documents" as a pure state machine: choose the procedure, then each required document in turn
 * (scan, look, retake or skip), then the citizen's explicit choice to keep the scans for the officer or not. The
 * component does the scanning and storing; every step here says which stored scans became garbage, so nothing
 * the citizen did not keep stays on the public machine.
 */
export type ChecklistDocument = { readonly id: string; readonly name: string };
export type ChosenProcedure = { readonly key: string; readonly code: string; readonly name: string; readonly documents: readonly ChecklistDocument[] };

export type DocumentOutcome = { readonly kind: 'scanned'; readonly scan: DocumentScan } | { readonly kind: 'skipped' };
type Outcomes = Readonly<Record<string, DocumentOutcome>>;

export type DigitizeState =
  | { readonly step: 'procedure' }
  | { readonly step: 'document'; readonly procedure: ChosenProcedure; readonly index: number; readonly outcomes: Outcomes }
  | { readonly step: 'summary'; readonly procedure: ChosenProcedure; readonly outcomes: Outcomes }
  | { readonly step: 'kept'; readonly procedure: ChosenProcedure; readonly kept: readonly KeptDocument[] }
  | { readonly step: 'not-kept' };

export type DigitizeEvent =
  | { readonly kind: 'choose'; readonly procedure: ChosenProcedure }
  | { readonly kind: 'scanned'; readonly scan: DocumentScan }
  | { readonly kind: 'skip' }
  | { readonly kind: 'next' }
  | { readonly kind: 'back' }
  | { readonly kind: 'kept'; readonly kept: readonly KeptDocument[] }
  | { readonly kind: 'not-kept' };

/** The next state and the content hashes of stored scans nobody will use any more (to drop from the pages table). */
export type Transition = { readonly state: DigitizeState; readonly discard: readonly string[] };

export const initialDigitizeState: DigitizeState = { step: 'procedure' };

const hashOf = (outcome: DocumentOutcome | undefined): string[] => (outcome?.kind === 'scanned' ? [outcome.scan.hash] : []);

/** A scan the quality gates refuse (every page blank, too low a resolution, a damaged page) cannot be kept. */
export const scanAcceptable = (scan: DocumentScan): boolean => !scan.issues.some((i) => i.severity === 'error');

function advance(procedure: ChosenProcedure, index: number, outcomes: Outcomes): DigitizeState {
  return index + 1 < procedure.documents.length ? { step: 'document', procedure, index: index + 1, outcomes } : { step: 'summary', procedure, outcomes };
}

export function digitizeStep(state: DigitizeState, event: DigitizeEvent): Transition {
  const same: Transition = { state, discard: [] };
  switch (event.kind) {
    case 'choose':
      if (state.step !== 'procedure') return same;
      return {
        state: event.procedure.documents.length === 0 ? { step: 'summary', procedure: event.procedure, outcomes: {} } : { step: 'document', procedure: event.procedure, index: 0, outcomes: {} },
        discard: [],
      };
    case 'scanned': {
      if (state.step !== 'document') return { state, discard: [event.scan.hash] };
      const current = state.procedure.documents[state.index];
      if (current === undefined) return { state, discard: [event.scan.hash] };
      // A retake replaces the earlier scan of this document, which is then dropped.
      return { state: { ...state, outcomes: { ...state.outcomes, [current.id]: { kind: 'scanned', scan: event.scan } } }, discard: hashOf(state.outcomes[current.id]) };
    }
    case 'skip': {
      if (state.step !== 'document') return same;
      const current = state.procedure.documents[state.index];
      if (current === undefined) return same;
      return { state: advance(state.procedure, state.index, { ...state.outcomes, [current.id]: { kind: 'skipped' } }), discard: hashOf(state.outcomes[current.id]) };
    }
    case 'next': {
      if (state.step !== 'document') return same;
      const current = state.procedure.documents[state.index];
      const outcome = current === undefined ? undefined : state.outcomes[current.id];
      if (outcome?.kind !== 'scanned' || !scanAcceptable(outcome.scan)) return same;
      return { state: advance(state.procedure, state.index, state.outcomes), discard: [] };
    }
    case 'back':
      if (state.step === 'summary' && state.procedure.documents.length > 0) return { state: { step: 'document', procedure: state.procedure, index: state.procedure.documents.length - 1, outcomes: state.outcomes }, discard: [] };
      if (state.step === 'document' && state.index > 0) return { state: { ...state, index: state.index - 1 }, discard: [] };
      return same;
    case 'kept':
      if (state.step !== 'summary') return same;
      return { state: { step: 'kept', procedure: state.procedure, kept: event.kept }, discard: [] };
    case 'not-kept':
      return { state: { step: 'not-kept' }, discard: pendingScans(state) };
  }
}

/** Scans made but not (yet) kept: what ending the session now must drop. */
export function pendingScans(state: DigitizeState): string[] {
  if (state.step !== 'document' && state.step !== 'summary') return [];
  return Object.values(state.outcomes).flatMap(hashOf);
}

/** The scanned documents, in checklist order, that the citizen may keep. */
export function keepableScans(state: DigitizeState): { readonly document: ChecklistDocument; readonly scan: DocumentScan }[] {
  if (state.step !== 'summary') return [];
  return state.procedure.documents.flatMap((document) => {
    const outcome = state.outcomes[document.id];
    return outcome?.kind === 'scanned' && scanAcceptable(outcome.scan) ? [{ document, scan: outcome.scan }] : [];
  });
}

/** Required documents the citizen has not scanned: the officer will ask for them on paper. */
export function missingDocuments(state: DigitizeState): ChecklistDocument[] {
  if (state.step !== 'summary') return [];
  return state.procedure.documents.filter((d) => state.outcomes[d.id]?.kind !== 'scanned');
}

/** What the citizen keeps, bound to their ID number: one kept document per acceptable scan. */
export function keptDocumentsOf(
  state: DigitizeState,
  citizen: { readonly citizenId: string; readonly unitId: string },
  newId: () => string,
  now: number,
): KeptDocument[] {
  if (state.step !== 'summary') return [];
  const { key, code, name } = state.procedure;
  return keepableScans(state).map(({ document, scan }) => ({
    id: newId(),
    citizenId: citizen.citizenId,
    unitId: citizen.unitId,
    procedure: { key, code, name },
    documentName: document.name,
    hash: scan.hash,
    pageCount: scan.pageCount,
    bytes: scan.bytes,
    droppedPages: scan.droppedPages,
    thumbnails: scan.thumbnails.slice(0, 30),
    issues: scan.issues.map((i) => ({ severity: i.severity, message: i.message, messageEn: i.messageEn })),
    keptAt: now,
  }));
}

export type KeptListSlip = Extract<SlipInput, { kind: 'kept-documents' }>;

/**
 * The citizen's print-out once the scans are kept: what the officer will find, and every required document not
 * kept (skipped, or refused by the quality gates) to bring on paper. Only the ID number's last 4 digits.
 */
export function keptListSlip(state: DigitizeState, centerName: string, citizenId: string): KeptListSlip | undefined {
  if (state.step !== 'kept' || state.kept.length === 0) return undefined;
  const kept = new Set(state.kept.map((d) => d.documentName));
  return {
    kind: 'kept-documents',
    centerName,
    procedureName: state.procedure.name,
    citizenIdTail: citizenId.slice(-4),
    documents: state.kept.map((d) => ({ name: d.documentName, pageCount: d.pageCount })),
    toBring: state.procedure.documents.filter((d) => !kept.has(d.name)).map((d) => d.name),
    keptAt: Math.max(...state.kept.map((d) => d.keptAt)),
  };
}

export type QualityNote = { readonly tone: 'ok' | 'warning' | 'error'; readonly vi: string; readonly en: string };

/**
 * The scanner's quality result in plain words for a citizen: the verdict first, then what was noticed (a blank
 * page left out, a page still askew, fewer pages than expected), each in Vietnamese with its English line.
 */
export function qualityNotes(scan: DocumentScan): QualityNote[] {
  const errors = scan.issues.filter((i) => i.severity === 'error');
  const warnings = scan.issues.filter((i) => i.severity === 'warning');
  const verdict: QualityNote =
    errors.length > 0
      ? { tone: 'error', vi: 'Bản quét chưa dùng được. Xin bấm "Quét lại".', en: 'This scan cannot be used. Please press "Retake".' }
      : warnings.length > 0
        ? { tone: 'warning', vi: 'Bản quét dùng được, xin xem lưu ý dưới đây.', en: 'The scan can be used; please read the notes below.' }
        : { tone: 'ok', vi: `Bản quét rõ, đủ ${scan.pageCount} trang.`, en: `The scan is clear: ${scan.pageCount} page(s).` };
  const dropped: QualityNote[] =
    scan.droppedPages > 0 ? [{ tone: 'warning', vi: `Đã bỏ ${scan.droppedPages} trang trắng.`, en: `${scan.droppedPages} blank page(s) left out.` }] : [];
  return [verdict, ...dropped, ...[...errors, ...warnings].map((i): QualityNote => ({ tone: i.severity, vi: i.message, en: i.messageEn }))];
}
