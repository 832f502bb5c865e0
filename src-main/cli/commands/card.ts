import { readFileSync } from 'node:fs';
import { loadCscaCertificates, parseMrz, readIdCard, type IdCardReadResult } from '../../../hardware/id-card';
import { connectPcscCard, listPcscReaders, waitForPcscCard } from '../../../hardware/transports/pcsc';
import { err, failure, ok, type Result } from '../../../src-shared/result';
import { parseOptions } from '../options';
import type { CliCommand, CommandOutput } from '../command';

/** `motcua card list`: what a technician checks first when "the card reader does nothing". */
export const cardListCommand: CliCommand = {
  path: ['card', 'list'],
  summary: 'Liệt kê đầu đọc thẻ chip (PC/SC) và thẻ đang đặt / List PC/SC card readers and cards present',
  usage: 'motcua card list',
  async run(argv) {
    if (argv.length > 0) return err(failure('cli.usage', `Tham số thừa: ${argv.join(' ')}`, `Unexpected arguments: ${argv.join(' ')}`));
    const readers = await listPcscReaders();
    if (!readers.ok) return readers;
    const text =
      readers.value.length === 0
        ? 'Không có đầu đọc thẻ / no card reader'
        : readers.value.map((r) => `${r.name}: ${r.cardPresent ? `có thẻ / card present (ATR ${r.atr ?? '?'})` : 'không có thẻ / empty'}`).join('\n');
    return ok({ json: { readers: readers.value }, text });
  },
};

type ReadArgs = { readonly can: string | undefined; readonly mrz: string | undefined; readonly csca: string | undefined; readonly reader: string | undefined; readonly waitMs: number };

function readArgs(argv: readonly string[]): Result<ReadArgs> {
  const parsed = parseOptions(argv, { can: { type: 'string' }, mrz: { type: 'string' }, csca: { type: 'string' }, reader: { type: 'string' }, wait: { type: 'string' } });
  if (!parsed.ok) return parsed;
  const values = parsed.value;
  if (values.can !== undefined && !/^\d{6}$/.test(values.can)) return err(failure('cli.usage', 'CAN phải gồm 6 chữ số.', 'The CAN must be 6 digits.'));
  if (values.can === undefined && values.mrz === undefined) return err(failure('cli.usage', 'Cần --can hoặc --mrz.', 'Give --can or --mrz.'));
  const waitSeconds = Number(values.wait ?? '10');
  if (!Number.isFinite(waitSeconds) || waitSeconds < 0) return err(failure('cli.usage', '--wait là số giây.', '--wait is a number of seconds.'));
  return ok({ can: values.can, mrz: values.mrz, csca: values.csca, reader: values.reader, waitMs: waitSeconds * 1000 });
}

/** Everything the technician needs to judge a read; the face is described, never printed. */
function describeRead(read: IdCardReadResult, reader: string): CommandOutput {
  const dg1 = read.dg1?.ok ? read.dg1.value : undefined;
  const dg13 = read.dg13?.ok ? read.dg13.value : undefined;
  const face = read.dg2?.ok ? { format: read.dg2.value.format, bytes: read.dg2.value.image.length } : undefined;
  const json = {
    reader,
    access: {
      method: read.access.method,
      attempts: read.access.attempts.map((a) => ({ method: a.method, outcome: a.outcome, durationMs: a.durationMs, error: a.error?.code })),
    },
    dg1: dg1 ?? (read.dg1 && !read.dg1.ok ? { error: read.dg1.error.code } : undefined),
    dg13: dg13 ?? (read.dg13 && !read.dg13.ok ? { error: read.dg13.error.code } : undefined),
    face: face ?? (read.dg2 && !read.dg2.ok ? { error: read.dg2.error.code } : undefined),
    passiveAuthentication: read.passiveAuthentication,
    activeAuthentication: read.activeAuthentication,
    chipAuthentication: read.chipAuthentication,
    deniedDataGroups: read.deniedDataGroups,
    steps: read.steps,
    totalMs: read.totalMs,
  };
  const lines = [
    `Đầu đọc / reader: ${reader}`,
    `Mở chip / access: ${read.access.attempts.map((a) => `${a.method} ${a.outcome} (${Math.round(a.durationMs)} ms)`).join(', ')}`,
    `Số CCCD / ID: ${dg13?.citizenId ?? dg1?.citizenId ?? '?'}`,
    `Họ tên / name: ${dg13?.fullName ?? '?'}`,
    `Ngày sinh / date of birth: ${dg13?.dateOfBirth ?? '?'}   Giới tính / sex: ${dg13?.sex ?? '?'}`,
    `Quê quán / origin: ${dg13?.placeOfOrigin ?? '?'}`,
    `Nơi thường trú / residence: ${dg13?.placeOfResidence ?? '?'}`,
    `Ngày cấp / issued: ${dg13?.issueDate ?? '?'}   Hết hạn / expires: ${dg13?.expiryDate ?? '?'}`,
    `Ảnh / face: ${face ? `${face.format}, ${face.bytes} byte` : 'không đọc được / not read'}`,
    `Xác thực thụ động / passive authentication: ${read.passiveAuthentication.status}`,
    `Xác thực chủ động / active authentication: ${read.activeAuthentication.status}`,
    `Xác thực chip / chip authentication: ${read.chipAuthentication.status}${
      read.chipAuthentication.status === 'passed'
        ? ` (${read.chipAuthentication.cipher}, ${read.chipAuthentication.curve})`
        : read.chipAuthentication.status === 'failed'
          ? ` (${read.chipAuthentication.detail})`
          : ` (${read.chipAuthentication.reason})`
    }`,
    'Các bước / steps:',
    ...read.steps.map((s) => `  ${s.step}: ${s.outcome} (${Math.round(s.durationMs)} ms)${s.detail ? ` ${s.detail}` : ''}`),
    `Tổng / total: ${Math.round(read.totalMs)} ms`,
  ];
  return { json, text: lines.join('\n') };
}

/** `motcua card read --can …`: one full read (PACE/BAC, data groups, AA, PA) through PC/SC, with timings. */
export const cardReadCommand: CliCommand = {
  path: ['card', 'read'],
  summary: 'Đọc chip CCCD qua PC/SC (DG1, DG13, ảnh, các bước xác thực) / Read a CCCD chip over PC/SC',
  usage: 'motcua card read --can 012345 [--mrz "<3 dòng/lines>"] [--csca csca.pem] [--reader tên/name] [--wait 10]',
  async run(argv) {
    const args = readArgs(argv);
    if (!args.ok) return args;
    let mrzKeys;
    if (args.value.mrz !== undefined) {
      const mrz = parseMrz(args.value.mrz);
      if (!mrz.ok) return err(failure('cli.usage', mrz.error.message, mrz.error.messageEn));
      mrzKeys = { documentNumber: mrz.value.documentNumber, dateOfBirth: mrz.value.dateOfBirth, dateOfExpiry: mrz.value.dateOfExpiry };
    }
    let trustedCscas: Parameters<typeof readIdCard>[1]['trustedCscas'] = [];
    if (args.value.csca !== undefined) {
      let pem: string;
      try {
        pem = readFileSync(args.value.csca, 'utf8');
      } catch (cause: unknown) {
        const detail = cause instanceof Error ? cause.message : String(cause);
        return err(failure('cli.file', `Không đọc được tệp CSCA: ${detail}`, `Cannot read the CSCA file: ${detail}`));
      }
      const loaded = loadCscaCertificates([pem]);
      if (!loaded.ok) return loaded;
      trustedCscas = loaded.value;
    }
    const card = await waitForPcscCard({ reader: args.value.reader, timeoutMs: args.value.waitMs });
    if (!card.ok) return card;
    const connection = await connectPcscCard(card.value.name);
    if (!connection.ok) return connection;
    try {
      const read = await readIdCard(connection.value, { can: args.value.can, mrz: mrzKeys, trustedCscas });
      if (!read.ok) return read;
      return ok(describeRead(read.value, connection.value.reader));
    } finally {
      connection.value.disconnect();
    }
  },
};
