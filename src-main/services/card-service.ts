import { randomUUID, type X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { z } from 'zod';
import { createFaceEngine, toJpeg, verifyFace, type FaceEngine } from '../../hardware/biometric';
import { loadCscaCertificates, readIdCard, type IdCardReadResult } from '../../hardware/id-card';
import { createVirtualCccd, secondSyntheticPerson, syntheticPerson, type VirtualCccd } from '../../hardware/simulators/virtual-cccd';
import { createTestPki, type TestPki } from '../../hardware/simulators/virtual-cccd/test-pki';
import { connectPcscCard, listPcscReaders, watchPcsc, type PcscWatcher } from '../../hardware/transports/pcsc';
import type {
  CardReaders,
  CardReadReport,
  cardReadInputSchema,
  cardSimulateInputSchema,
  cardSimulateResultSchema,
  FaceVerificationDto,
  faceVerifyInputSchema,
} from '../../src-shared/api/card';
import { createLogger } from '../../src-shared/log';
import { err, ok, type Failure, type Result } from '../../src-shared/result';
import { cardServiceErrors } from './card-service-errors';
import type { DeviceRegistry } from './device-registry';
import type { EventBus } from './event-bus';

const log = createLogger('services.card');

type ReadInput = z.output<typeof cardReadInputSchema>;
type SimulateInput = z.output<typeof cardSimulateInputSchema>;
type SimulateResult = z.output<typeof cardSimulateResultSchema>;
type VerifyInput = z.output<typeof faceVerifyInputSchema>;

export type CardService = {
  readers(): Promise<Result<CardReaders>>;
  read(input: ReadInput): Promise<Result<CardReadReport>>;
  simulate(input: SimulateInput): Promise<Result<SimulateResult>>;
  verifyFace(input: VerifyInput): Promise<Result<FaceVerificationDto>>;
  readonly mode: 'pcsc' | 'simulated';
  close(): Promise<void>;
};

export type CardServiceOptions = {
  /** `pcsc`: real readers (MOTCUA_CARD_READER=pcsc); default `simulated`: the virtual CCCD in process. */
  readonly mode?: 'pcsc' | 'simulated';
  /** PEM file(s) of trusted CSCA certificates (MOTCUA_CSCA); the simulator's test CSCA is always trusted in simulated mode. */
  readonly cscaFiles?: readonly string[];
  /** Tests may share one engine; default a lazily loaded face-api engine. */
  readonly faceEngine?: FaceEngine;
};

export const SIMULATED_READER = 'MotCua Virtual CCCD 00 (mô phỏng / simulated)';

/** What the host remembers of the last read for face.verify: the photo only, in memory, gone when the card leaves. */
type RememberedRead = { readonly readId: string; readonly reader: string; readonly face: Uint8Array | undefined };

const fromDataUrl = (url: string): Uint8Array => Uint8Array.from(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'));
const toDataUrl = (jpeg: Uint8Array): string => `data:image/jpeg;base64,${Buffer.from(jpeg).toString('base64')}`;

/** The simulated card's photo when none is given: a grey silhouette, clearly a placeholder (no face is found in it). */
async function placeholderFace(): Promise<Uint8Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="320"><rect width="240" height="320" fill="#d9dde3"/><circle cx="120" cy="120" r="58" fill="#9aa3ad"/><rect x="40" y="200" width="160" height="120" rx="70" fill="#9aa3ad"/><text x="120" y="305" font-size="16" text-anchor="middle" fill="#3d4650" font-family="sans-serif">ẢNH MÔ PHỎNG</text></svg>`;
  return Uint8Array.from(await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer());
}

/**
 * A photo given for the simulated card is stored the way a chip stores its portrait: small (CCCD photos are about
 * 15–20 KB) — and under the 32 KB that READ BINARY with even INS can address.
 */
async function chipSizedPhoto(image: Uint8Array): Promise<Uint8Array> {
  return Uint8Array.from(await sharp(image).resize({ width: 240, height: 320, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer());
}

function toReport(read: IdCardReadResult, readId: string, reader: string, simulated: boolean, face: CardReadReport['face']): CardReadReport {
  const mrz = read.dg1?.ok ? read.dg1.value : undefined;
  const dg13 = read.dg13?.ok ? read.dg13.value : undefined;
  const groupErrors: { dataGroup: number; code: string }[] = [];
  for (const [dataGroup, parsed] of [[1, read.dg1], [2, read.dg2], [13, read.dg13], [14, read.dg14]] as const)
    if (parsed !== undefined && !parsed.ok) groupErrors.push({ dataGroup, code: parsed.error.code });
  const pa = read.passiveAuthentication;
  const ca = read.chipAuthentication;
  const aa = read.activeAuthentication;
  const defined = <T extends Record<string, unknown>>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
  return {
    readId,
    reader,
    simulated,
    access: {
      method: read.access.method,
      attempts: read.access.attempts.map((a) => defined({ method: a.method, outcome: a.outcome, durationMs: a.durationMs, errorCode: a.error?.code })),
    },
    ...(mrz === undefined
      ? {}
      : {
          mrz: defined({
            documentCode: mrz.documentCode,
            issuingState: mrz.issuingState,
            documentNumber: mrz.documentNumber,
            citizenId: mrz.citizenId,
            dateOfBirth: mrz.dateOfBirth,
            sex: mrz.sex,
            dateOfExpiry: mrz.dateOfExpiry,
            nationality: mrz.nationality,
            surname: mrz.surname,
            givenNames: mrz.givenNames,
          }),
        }),
    ...(dg13 === undefined ? {} : { personal: defined({ ...dg13, otherFields: undefined }) }),
    ...(face === undefined ? {} : { face }),
    dataGroupErrors: groupErrors,
    deniedDataGroups: [...read.deniedDataGroups],
    passiveAuthentication:
      pa.status === 'failed'
        ? defined({ status: pa.status, check: pa.check, detail: pa.detail, dataGroup: pa.check === 'dg-hash' ? pa.dataGroup : undefined })
        : defined({ status: pa.status, checkedDataGroups: [...pa.checkedDataGroups], documentSigner: pa.documentSigner, csca: pa.status === 'passed' ? pa.csca : undefined }),
    chipAuthentication:
      ca.status === 'passed'
        ? { status: ca.status, protocol: ca.protocol, cipher: ca.cipher, curve: ca.curve }
        : ca.status === 'failed'
          ? defined({ status: ca.status, protocol: ca.protocol, detail: ca.detail })
          : ca.status === 'not-supported'
            ? { status: ca.status, protocol: ca.protocol, detail: ca.reason }
            : { status: ca.status, detail: ca.reason },
    activeAuthentication:
      aa.status === 'passed' ? { status: aa.status, algorithm: aa.algorithm } : aa.status === 'failed' ? { status: aa.status, detail: aa.detail } : { status: aa.status, detail: aa.reason },
    steps: read.steps.map((s) => defined({ step: s.step, outcome: s.outcome, durationMs: s.durationMs, detail: s.detail })),
    totalMs: read.totalMs,
  };
}

/**
 * The counter's chip card reader and face check. Real PC/SC readers are watched (pcscd events → card.inserted /
 * card.removed) when MOTCUA_CARD_READER=pcsc; otherwise — the default demo — a virtual CCCD answers in process
 * on a simulated reader, and `simulate` taps it on or takes it off, so the kiosk (and its e2e tests) work out of
 * the box. One read at a time. Logs carry reader names, codes and timings, never names, ID numbers or photos.
 */
export async function openCardService(options: CardServiceOptions, events: EventBus, devices: DeviceRegistry): Promise<Result<CardService, Failure>> {
  const mode = options.mode ?? 'simulated';
  const trusted: X509Certificate[] = [];
  for (const file of options.cscaFiles ?? []) {
    let pem: string;
    try {
      pem = await readFile(file, 'utf8');
    } catch (cause: unknown) {
      return err(cardServiceErrors.cscaUnreadable(file, cause instanceof Error ? cause.message : String(cause)));
    }
    const loaded = loadCscaCertificates([pem]);
    if (!loaded.ok) return loaded;
    trusted.push(...loaded.value);
  }

  let engine = options.faceEngine;
  const faceEngine = (): FaceEngine => (engine ??= createFaceEngine());
  let last: RememberedRead | undefined;
  let busy = false;

  // Simulated reader state.
  let pki: TestPki | undefined;
  let card: VirtualCccd | undefined;
  let watcher: PcscWatcher | undefined;

  const register = (id: string, name: string, status: 'ready' | 'busy' | 'offline') => devices.upsert({ id, kind: 'id-card-reader', name, simulated: mode === 'simulated', status });
  const deviceId = (reader: string) => (mode === 'simulated' ? 'id-card-reader:simulated' : `id-card-reader:pcsc:${reader}`);

  if (mode === 'simulated') {
    pki = createTestPki();
    trusted.push(pki.csca.certificate);
    register(deviceId(SIMULATED_READER), SIMULATED_READER, 'ready');
  } else {
    const watched = await watchPcsc((event) => {
      if (event.type === 'card-inserted') events.emit('card.inserted', { reader: event.reader, simulated: false, ...(event.atr === undefined ? {} : { atr: event.atr }) });
      if (event.type === 'card-removed') {
        if (last?.reader === event.reader) last = undefined;
        events.emit('card.removed', { reader: event.reader, simulated: false });
      }
      if (event.type === 'reader-attached') register(deviceId(event.reader), event.reader, 'ready');
      if (event.type === 'reader-detached') devices.remove(deviceId(event.reader));
      if (event.type === 'service-lost' || event.type === 'service-restored') log.warn('pcsc service', { event: event.type });
    });
    // pcscd not running is a state the officer sees in card.readers, not a reason to refuse to start.
    if (watched.ok) watcher = watched.value;
    else log.warn('pcsc unavailable', { code: watched.error.code });
    const listed = await listPcscReaders();
    if (listed.ok) for (const reader of listed.value) register(deviceId(reader.name), reader.name, 'ready');
  }

  const runRead = async (transport: Parameters<typeof readIdCard>[0], reader: string, input: ReadInput): Promise<Result<CardReadReport>> => {
    const read = await readIdCard(transport, {
      ...(input.can === undefined ? {} : { can: input.can }),
      ...(input.mrz === undefined ? {} : { mrz: input.mrz }),
      trustedCscas: trusted,
      onProgress: (p) => events.emit('card.progress', { reader, file: p.file, bytesRead: p.bytesRead, totalBytes: p.totalBytes }),
    });
    if (!read.ok) return read;
    const readId = randomUUID();
    const faceImage = read.value.dg2?.ok ? read.value.dg2.value : undefined;
    let face: CardReadReport['face'];
    if (faceImage !== undefined) {
      const jpeg = await toJpeg(faceImage.image);
      face = { format: faceImage.format, bytes: faceImage.image.length, ...(jpeg.ok ? { dataUrl: toDataUrl(jpeg.value) } : { notShown: jpeg.error }) };
    }
    last = { readId, reader, face: faceImage?.image };
    return ok(toReport(read.value, readId, reader, mode === 'simulated', face));
  };

  const service: CardService = {
    mode,
    async readers() {
      if (mode === 'simulated') return ok({ mode, readers: [{ name: SIMULATED_READER, cardPresent: card !== undefined, simulated: true }] });
      const listed = await listPcscReaders();
      if (!listed.ok) return ok({ mode, readers: [], error: listed.error });
      return ok({ mode, readers: listed.value.map((r) => ({ name: r.name, cardPresent: r.cardPresent, simulated: false, ...(r.atr === undefined ? {} : { atr: r.atr }) })) });
    },
    async read(input) {
      if (busy) return err(cardServiceErrors.busy());
      busy = true;
      try {
        if (mode === 'simulated') {
          if (input.readerName !== undefined && input.readerName !== SIMULATED_READER) return err(cardServiceErrors.noReader(input.readerName));
          if (card === undefined) return err(cardServiceErrors.noCard());
          register(deviceId(SIMULATED_READER), SIMULATED_READER, 'busy');
          try {
            return await runRead(card, SIMULATED_READER, input);
          } finally {
            register(deviceId(SIMULATED_READER), SIMULATED_READER, 'ready');
          }
        }
        const listed = await listPcscReaders();
        if (!listed.ok) return listed;
        const reader = listed.value.find((r) => (input.readerName === undefined ? r.cardPresent : r.name === input.readerName));
        if (reader === undefined) return err(input.readerName === undefined ? cardServiceErrors.noCard() : cardServiceErrors.noReader(input.readerName));
        const connection = await connectPcscCard(reader.name);
        if (!connection.ok) return connection;
        register(deviceId(reader.name), reader.name, 'busy');
        try {
          return await runRead(connection.value, reader.name, input);
        } finally {
          connection.value.disconnect();
          register(deviceId(reader.name), reader.name, 'ready');
        }
      } finally {
        busy = false;
      }
    },
    async simulate(input) {
      if (mode !== 'simulated' || pki === undefined) return err(cardServiceErrors.simulatorOff());
      if (input.action === 'remove') {
        const wasPresent = card !== undefined;
        card = undefined;
        last = undefined;
        if (wasPresent) events.emit('card.removed', { reader: SIMULATED_READER, simulated: true });
        return ok({ reader: SIMULATED_READER, cardPresent: false });
      }
      const person = input.person === 'second' ? secondSyntheticPerson : syntheticPerson;
      const created = createVirtualCccd({
        pki,
        person,
        faceImage: { bytes: input.faceImage === undefined ? await placeholderFace() : await chipSizedPhoto(fromDataUrl(input.faceImage)), format: 'jpeg' },
      });
      if (!created.ok) return created;
      card = created.value;
      last = undefined;
      events.emit('card.inserted', { reader: SIMULATED_READER, simulated: true });
      log.info('simulated card inserted', { person: input.person });
      return ok({ reader: SIMULATED_READER, cardPresent: true, can: card.can });
    },
    async verifyFace(input) {
      let chip: Uint8Array | undefined;
      if (input.chipImage !== undefined) chip = fromDataUrl(input.chipImage);
      else {
        if (last === undefined || (input.readId !== undefined && input.readId !== last.readId)) return err(cardServiceErrors.noRead());
        chip = last.face;
        if (chip === undefined) return err(cardServiceErrors.noChipPhoto());
      }
      const verified = await verifyFace(faceEngine(), {
        chipImage: chip,
        frames: input.frames.map(fromDataUrl),
        ...(input.capturedAt === undefined ? {} : { capturedAt: input.capturedAt }),
      });
      if (!verified.ok) return verified;
      const v = verified.value;
      return ok({
        decision: v.decision,
        ...(v.score === undefined ? {} : { score: v.score }),
        ...(v.distance === undefined ? {} : { distance: v.distance }),
        threshold: v.threshold,
        scoreThreshold: v.scoreThreshold,
        ...(v.noFaceIn === undefined ? {} : { noFaceIn: v.noFaceIn }),
        frames: v.frames.map((f) => ({ ...f })),
        liveness: { ...v.liveness, movements: [...v.liveness.movements], required: { ...v.liveness.required } },
        timings: { ...v.timings },
      });
    },
    async close() {
      watcher?.stop();
      card = undefined;
      last = undefined;
    },
  };
  return ok(service);
}
