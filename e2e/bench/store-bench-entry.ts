// Bundled for the browser by e2e/bench/store-at-scale.ts and loaded from the web host's origin, so it measures
// the kiosk's own repository code on the kiosk's own IndexedDB database, in Chromium.
import { createIdGenerator, receive, type AdministrativeRecord } from '../../src-shared/domain/records';
import { mondayMorning, sampleOfficer, sampleReceipt, sampleUnitId } from '../../src-shared/domain/records/fixtures.testing';
import { toRecordRow } from '../../src-renderer/src/store/record-rows';
import { createRecordsRepository, openMotCuaDb, type MotCuaDb, type RecordsRepository } from '../../src-renderer/src/store';

const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const middles = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Xuân', 'Thu'];
const givens = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Minh', 'Nam', 'Nga', 'Ngọc', 'Phong', 'Phúc', 'Quân', 'Quỳnh', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vân', 'Yến'];

let db: MotCuaDb | undefined;
let repository: RecordsRepository | undefined;
let template: AdministrativeRecord | undefined;

const nameOf = (i: number): string => `${families[i % 16]} ${middles[Math.floor(i / 16) % 10]} ${givens[Math.floor(i / 160) % 32]}`;
const citizenIdOf = (i: number): string => `0010${String(80 + (i % 20))}${String(i).padStart(6, '0')}`;
const codeOf = (i: number): string => `${sampleUnitId}-${String(260101 + Math.floor(i / 9000) % 28).padStart(6, '0')}-${String(i).padStart(7, '0')}`;

async function open(): Promise<void> {
  const opened = await openMotCuaDb('motcua');
  if (!opened.ok) throw new Error(opened.error.messageEn);
  db = opened.value.db;
  let at = Date.now();
  repository = createRecordsRepository(db, {
    kiosk: { kioskId: 'bench-kiosk', unitId: sampleUnitId, kioskSlot: 9, counterId: '9' },
    now: () => (at += 1000),
    newId: createIdGenerator({ now: () => Date.now(), fillRandom: (bytes) => crypto.getRandomValues(bytes) }),
  });
  const made = receive(sampleReceipt(), { id: 'template', code: 'template', unitId: sampleUnitId, kioskId: 'bench', counterId: '9', at: mondayMorning, actor: sampleOfficer });
  if (!made.ok) throw new Error(made.error.messageEn);
  template = made.value.record;
}

/** Writes records `from`..`to` in transactions of 10,000 rows, as rows the repository itself would write. */
async function seed(from: number, to: number): Promise<number> {
  if (!db || !template) await open();
  const base = template as AdministrativeRecord;
  const store = db as MotCuaDb;
  for (let start = from; start < to; start += 10_000) {
    const rows: ReturnType<typeof toRecordRow>[] = [];
    for (let i = start; i < Math.min(to, start + 10_000); i++) {
      const submitter = { ...base.submitter, fullName: nameOf(i), idNumber: citizenIdOf(i) };
      rows.push(toRecordRow({ ...base, id: `0190bench-${String(i).padStart(7, '0')}`, code: codeOf(i), submitter, dueAt: mondayMorning + (i % 5000) * 3_600_000 }));
    }
    await store.transaction('rw', store.records, () => store.records.bulkAdd(rows));
  }
  return store.records.count();
}

function percentiles(samples: number[]): { p50: number; p95: number; max: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0, n: sorted.length };
}

async function timed(runs: number, op: (i: number) => Promise<{ ok: boolean }>): Promise<ReturnType<typeof percentiles>> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const result = await op(i);
    samples.push(performance.now() - t0);
    if (!result.ok) throw new Error(`operation ${i} failed`);
  }
  return percentiles(samples);
}

/** The figures of issue 3's proof, measured through the repository the counter uses. */
async function measure(total: number): Promise<Record<string, ReturnType<typeof percentiles>>> {
  if (!repository) await open();
  const repo = repository as RecordsRepository;
  const pick = (i: number) => (i * 7919 + 104_729) % total;
  const byCode = await timed(300, async (i) => {
    const found = await repo.getRecordByCode(codeOf(pick(i)));
    return { ok: found.ok && found.value !== null };
  });
  const byCitizen = await timed(300, async (i) => {
    const found = await repo.findByCitizenId(citizenIdOf(pick(i)), { limit: 20 });
    return { ok: found.ok && found.value.length > 0 };
  });
  const byName = await timed(200, async (i) => {
    // What an officer types: the family and middle name without tones, and the start of the given name.
    const full = nameOf(pick(i));
    const folded = full.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
    const found = await repo.searchByName(folded.slice(0, folded.lastIndexOf(' ') + 2), { limit: 20 });
    return { ok: found.ok && found.value.length > 0 };
  });
  const receiveTx = await timed(200, async () => {
    const { dueAt: _due, ...receipt } = sampleReceipt();
    return repo.receiveRecord({ ...receipt, dueAt: Date.now() + 30 * 86_400_000, officer: sampleOfficer });
  });
  return { byCode, byCitizen, byName, receiveTx };
}

export type StoreBench = { seed: typeof seed; measure: typeof measure };
(window as unknown as { motcuaStoreBench: StoreBench }).motcuaStoreBench = { seed, measure };
