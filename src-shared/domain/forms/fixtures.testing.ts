/**
 * Realistic records for the forms' tests (the `.testing` suffix: never imported by app code). Due dates come from
 * the real working-day calendar of 2026, so the dates on the forms are the ones a counter would print.
 */
import { computeDue, computeDueWithPauses, createWorkingCalendar, parseInstant, type ProcessingTime } from '../calendar';
import { sampleOfficer, sampleReceipt, sampleUnitId } from '../records/fixtures.testing';
import { receive, registerOnline, transition, type AdministrativeRecord, type Officer, type TransitionInput } from '../records';
import type { CenterProfile } from './center';

export const at = (text: string): number => {
  const parsed = parseInstant(text);
  if (!parsed.ok) throw new Error(parsed.error.messageEn);
  return parsed.value;
};

const calendarResult = createWorkingCalendar();
if (!calendarResult.ok) throw new Error(calendarResult.error.messageEn);
export const calendar = calendarResult.value;

/** The office of the commune People's Committee that processes civil-status files. */
export const processingUnitId = 'H55.242';
export const processor: Officer = { officerId: 'cb-07', name: 'Lê Văn Cường' };
export const counterOfficer = sampleOfficer;

export const center: CenterProfile = {
  unitId: sampleUnitId,
  unitName: 'Trung tâm Phục vụ hành chính công phường Hoà Bình',
  superiorName: 'UBND PHƯỜNG HOÀ BÌNH',
  place: 'Hoà Bình',
  phone: '0213 3876 543',
  unitNames: { [processingUnitId]: 'Văn phòng HĐND và UBND phường Hoà Bình' },
};

export const threeWorkingDays = { unit: 'working-days', amount: 3 } as const satisfies ProcessingTime;

function step(record: AdministrativeRecord, input: Omit<TransitionInput, 'actor'> & { actor?: Officer }): AdministrativeRecord {
  const r = transition(record, { actor: processor, ...input });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.messageEn}`);
  return r.value.record;
}

function dueFrom(receivedAt: number, processingTime: ProcessingTime): number {
  const r = computeDue({ receivedAt, processingTime, calendar });
  if (!r.ok) throw new Error(r.error.messageEn);
  return r.value.dueAt;
}

export const receivedAt = at('2026-02-12T10:00+07:00');

/**
 * A birth registration received on Thu 12 Feb 2026 10:00 for 3 working days: due Tue 24 Feb 10:00 over the Tết
 * break. The receipt carries the form's every field: a child as the file's owner, an e-mail, a log book entry.
 */
export function receivedRecord(code = '000.00.15.H55-260212-1001'): AdministrativeRecord {
  const receipt = sampleReceipt({
    submitter: {
      fullName: 'Nguyễn Văn An',
      idNumber: '001090012345',
      address: 'Số 5 ngõ 12, phường Hoà Bình, tỉnh Lai Châu',
      phone: '0912345678',
      email: 'an.nguyen@example.vn',
    },
    owner: { fullName: 'Nguyễn Ngọc Ánh', address: 'Số 5 ngõ 12, phường Hoà Bình, tỉnh Lai Châu' },
    documents: [
      { name: 'Tờ khai đăng ký khai sinh', original: 1, certifiedCopy: 0, photocopy: 0, pageHashes: [] },
      { name: 'Giấy chứng sinh', original: 1, certifiedCopy: 0, photocopy: 1, pageHashes: [] },
      { name: 'Giấy chứng nhận kết hôn của cha, mẹ', original: 0, certifiedCopy: 1, photocopy: 0, pageHashes: [] },
    ],
    processingTime: threeWorkingDays,
    dueAt: dueFrom(receivedAt, threeWorkingDays),
    logBook: { volume: '01/2026', number: 57 },
  });
  const r = receive(receipt, {
    id: '0195f1c2-0000-7000-8000-000000000101',
    code,
    unitId: sampleUnitId,
    kioskId: 'kiosk-1',
    counterId: 'quay-2',
    at: receivedAt,
    actor: counterOfficer,
  });
  if (!r.ok) throw new Error(r.error.messageEn);
  return r.value.record;
}

export const lifeTimes = {
  handOver: at('2026-02-12T14:00+07:00'),
  supplement: at('2026-02-13T09:00+07:00'),
  resume: at('2026-02-23T08:00+07:00'),
  done: at('2026-02-25T08:30+07:00'),
  returned: at('2026-02-25T15:00+07:00'),
};

/**
 * Its whole life: handed to the processing office, sent back for a missing paper just before Tết, resumed after
 * it with the due date recomputed over the pause, settled and handed back to the Center, returned.
 */
export function recordLife(): { readonly stages: { readonly [K in 'received' | 'handedOver' | 'supplement' | 'resumed' | 'done' | 'returned']: AdministrativeRecord } } {
  const received = receivedRecord();
  const handedOver = step(received, {
    to: 4,
    at: lifeTimes.handOver,
    actor: counterOfficer,
    toUnit: processingUnitId,
    note: 'Chuyển hồ sơ giấy và điện tử',
  });
  const supplement = step(handedOver, {
    to: 5,
    at: lifeTimes.supplement,
    toUnit: sampleUnitId,
    note: 'Bản sao Giấy chứng nhận kết hôn không rõ số, ngày cấp',
  });
  const paused = computeDueWithPauses({
    receivedAt,
    processingTime: threeWorkingDays,
    calendar,
    pauses: [{ pausedAt: lifeTimes.supplement, resumedAt: lifeTimes.resume }],
  });
  if (!paused.ok || paused.value.state !== 'running') throw new Error('the resumed due date should be known');
  const resumed = step(supplement, {
    to: 4,
    at: lifeTimes.resume,
    actor: counterOfficer,
    toUnit: processingUnitId,
    dueAt: paused.value.dueAt,
    note: 'Công dân đã bổ sung bản sao có chứng thực',
  });
  const done = step(resumed, { to: 9, at: lifeTimes.done, toUnit: sampleUnitId, note: 'Đã ký Giấy khai sinh' });
  const returned = step(done, { to: 10, at: lifeTimes.returned, actor: counterOfficer });
  return { stages: { received, handedOver, supplement, resumed, done, returned } };
}

/** An online registration refused before receipt: the procedure is not the ward's to settle. */
export function refusedRecord(): AdministrativeRecord {
  const { record } = registerOnline(sampleReceipt({ channel: 2 }), {
    id: '0195f1c2-0000-7000-8000-000000000102',
    code: '000.00.15.H55-260210-1002',
    unitId: sampleUnitId,
    kioskId: 'kiosk-1',
    counterId: 'quay-2',
    at: at('2026-02-10T20:15+07:00'),
    actor: { officerId: 'dvc', name: 'Cổng Dịch vụ công' },
  });
  return step(record, {
    to: 3,
    at: at('2026-02-11T08:30+07:00'),
    actor: counterOfficer,
    note: 'Người được khai sinh đã được đăng ký khai sinh tại UBND xã Tân Phong; đề nghị liên hệ nơi đã đăng ký.',
  });
}

/** Received, handed over, then extended by two working days because a verification took longer. */
export function extendedRecord(): AdministrativeRecord {
  const handedOver = step(receivedRecord('000.00.15.H55-260212-1003'), { to: 4, at: lifeTimes.handOver, actor: counterOfficer, toUnit: processingUnitId });
  const newDue = dueFrom(receivedAt, { unit: 'working-days', amount: 5 });
  return step(handedOver, { to: 4, at: at('2026-02-23T16:00+07:00'), dueAt: newDue, note: 'Cần xác minh nơi cư trú của người mẹ tại tỉnh Điện Biên' });
}

/** Received, handed over, then stopped at a court's request. */
export function stoppedRecord(): AdministrativeRecord {
  const handedOver = step(receivedRecord('000.00.15.H55-260212-1004'), { to: 4, at: lifeTimes.handOver, actor: counterOfficer, toUnit: processingUnitId });
  return step(handedOver, { to: 8, at: at('2026-02-13T10:00+07:00'), note: 'Tòa án nhân dân khu vực 1 yêu cầu tạm dừng để giải quyết tranh chấp' });
}
