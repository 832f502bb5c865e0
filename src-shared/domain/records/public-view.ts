import { shortDateTime } from '../forms/vietnamese-date';
import type { AdministrativeRecord, ResultDelivery } from './record';
import type { BilingualLabel, RecordStatus } from './status';

/**
 * What anyone holding a receipt may learn about its file at a public screen (the self-service point's look-up):
 * the procedure, where the file stands in plain words, its dates and, when a supplement was asked for, what to
 * bring. Built from the record by copying only those fields, never by removing others, so a field added to the
 * record later cannot leak here: no name, ID number, address, phone, e-mail of anyone, no officer, no documents.
 */
export type PublicRecordView = {
  readonly code: string;
  readonly procedureName: string;
  readonly status: RecordStatus;
  /** A sentence for the citizen, not the portal's status label. */
  readonly statusText: BilingualLabel;
  /** What the citizen should do next, when anything. */
  readonly advice?: BilingualLabel;
  readonly tone: PublicTone;
  /** In the order a citizen reads them: received, appointment, result ready, handed over. */
  readonly dates: readonly PublicDate[];
  readonly pickup: ResultDelivery;
  /** Only while the file waits for the citizen's documents (status 5). */
  readonly supplement?: { readonly requestedAt: PublicDate; readonly missing: readonly string[] };
};

/** How the screen colours the status: moving, waiting for the citizen, finished well, or closed otherwise. */
export type PublicTone = 'progress' | 'citizen-action' | 'ready' | 'closed';

export type PublicDate = { readonly kind: 'received' | 'due' | 'finished' | 'returned' | 'requested'; readonly label: BilingualLabel; readonly at: number; readonly text: string };

const wording: { readonly [S in RecordStatus]: { readonly text: BilingualLabel; readonly advice?: BilingualLabel; readonly tone: PublicTone } } = {
  1: {
    text: { vi: 'Đã đăng ký trực tuyến, chưa được tiếp nhận', en: 'Registered online, not yet received' },
    advice: { vi: 'Trung tâm sẽ kiểm tra và tiếp nhận hồ sơ.', en: 'The Center will check and receive the file.' },
    tone: 'progress',
  },
  2: { text: { vi: 'Đã tiếp nhận, đang chờ giải quyết', en: 'Received, waiting to be processed' }, tone: 'progress' },
  3: {
    text: { vi: 'Hồ sơ không được tiếp nhận', en: 'The file was not accepted' },
    advice: { vi: 'Lý do có trong phiếu từ chối bạn đã nhận. Xin hỏi cán bộ tại quầy.', en: 'The reason is on the refusal slip you were given. Please ask at the counter.' },
    tone: 'closed',
  },
  4: { text: { vi: 'Đang giải quyết', en: 'Being processed' }, tone: 'progress' },
  5: {
    text: { vi: 'Cần bổ sung giấy tờ', en: 'Documents are missing' },
    advice: { vi: 'Xin mang các giấy tờ dưới đây đến quầy tiếp nhận. Ngày hẹn sẽ được tính lại khi đủ giấy tờ.', en: 'Please bring the documents below to the receiving counter. The date is set again once the file is complete.' },
    tone: 'citizen-action',
  },
  6: {
    text: { vi: 'Cần nộp phí, lệ phí hoặc thuế', en: 'Fees or taxes to pay' },
    advice: { vi: 'Xin đến quầy để được hướng dẫn nộp. Ngày hẹn sẽ được tính lại sau khi nộp.', en: 'Please come to the counter to pay. The date is set again once paid.' },
    tone: 'citizen-action',
  },
  7: { text: { vi: 'Đã rút hồ sơ theo yêu cầu', en: 'Withdrawn at your request' }, tone: 'closed' },
  8: {
    text: { vi: 'Đã dừng giải quyết', en: 'Processing was stopped' },
    advice: { vi: 'Lý do có trong thông báo dừng giải quyết. Xin hỏi cán bộ tại quầy.', en: 'The reason is in the notice of stopping. Please ask at the counter.' },
    tone: 'closed',
  },
  9: { text: { vi: 'Đã có kết quả', en: 'The result is ready' }, tone: 'ready' },
  10: { text: { vi: 'Đã trả kết quả', en: 'The result was handed over' }, tone: 'ready' },
};

const readyAdvice: { readonly [D in ResultDelivery]: BilingualLabel } = {
  counter: { vi: 'Mời bạn mang giấy hẹn đến quầy trả kết quả.', en: 'Please bring your receipt to the result counter.' },
  post: { vi: 'Kết quả sẽ được gửi qua bưu điện.', en: 'The result will be sent by post.' },
};

const dateLabels: { readonly [K in PublicDate['kind']]: BilingualLabel } = {
  received: { vi: 'Ngày tiếp nhận', en: 'Received' },
  due: { vi: 'Ngày hẹn trả kết quả', en: 'Result due' },
  finished: { vi: 'Có kết quả ngày', en: 'Result ready on' },
  returned: { vi: 'Đã trả kết quả ngày', en: 'Handed over on' },
  requested: { vi: 'Yêu cầu bổ sung ngày', en: 'Requested on' },
};

const dated = (kind: PublicDate['kind'], at: number): PublicDate => ({ kind, label: dateLabels[kind], at, text: shortDateTime(at) });

/**
 * The documents a supplement request asked for: the reason the officer wrote on form 02, one document per line
 * (or per `;`), list marks dropped. The latest request is the one that counts.
 */
export function missingDocumentsOf(record: Pick<AdministrativeRecord, 'status' | 'history'>): { readonly requestedAt: number; readonly missing: string[] } | undefined {
  if (record.status !== 5) return undefined;
  const request = record.history.findLast((event) => event.to === 5);
  if (request === undefined) return undefined;
  const missing = (request.note ?? '')
    .split(/\r?\n|;/)
    .map((line) => line.replace(/^\s*(?:[-•*+]|\d+[.)])\s*/, '').trim())
    .filter((line) => line !== '');
  return { requestedAt: request.at, missing };
}

export function publicViewOf(record: AdministrativeRecord): PublicRecordView {
  const words = wording[record.status];
  const advice = record.status === 9 ? readyAdvice[record.resultDelivery] : words.advice;
  const paused = record.status === 5 || record.status === 6;
  const dates = [
    record.receivedAt === undefined ? [] : [dated('received', record.receivedAt)],
    // While the clock is paused the old appointment no longer holds; it is set again on resumption.
    record.dueAt === undefined || paused || words.tone === 'closed' ? [] : [dated('due', record.dueAt)],
    record.finishedAt === undefined || words.tone !== 'ready' ? [] : [dated('finished', record.finishedAt)],
    record.returnedAt === undefined ? [] : [dated('returned', record.returnedAt)],
  ].flat();
  const supplement = missingDocumentsOf(record);
  return {
    code: record.code,
    procedureName: record.procedure.name,
    status: record.status,
    statusText: words.text,
    ...(advice === undefined ? {} : { advice }),
    tone: words.tone,
    dates,
    pickup: record.resultDelivery,
    ...(supplement === undefined ? {} : { supplement: { requestedAt: dated('requested', supplement.requestedAt), missing: supplement.missing } }),
  };
}
