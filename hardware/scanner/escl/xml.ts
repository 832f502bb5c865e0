import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { err, ok, type Result } from '../../../src-shared/result';
import { scannerErrors, type ScannerFailure } from '../errors';
import type { ColourMode, FeederState, ScannerCapabilities, ScannerStatus, SourceCapabilities } from '../scanner';

/**
 * eSCL documents parsed with namespaces stripped (devices disagree on prefixes) and validated with zod: a
 * device's XML is input from outside like any other. Elements that may repeat are always arrays.
 */
const repeating = new Set(['ColorMode', 'DocumentFormat', 'DocumentFormatExt', 'DiscreteResolution', 'SettingProfile', 'JobInfo', 'AdfOption', 'JobStateReason']);
const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: true, isArray: (name) => repeating.has(name) });

const resolutionSchema = z.object({ XResolution: z.coerce.number(), YResolution: z.coerce.number().optional() });
const profileSchema = z.object({
  ColorModes: z.object({ ColorMode: z.array(z.string()) }).optional(),
  DocumentFormats: z.object({ DocumentFormat: z.array(z.string()).optional(), DocumentFormatExt: z.array(z.string()).optional() }).optional(),
  SupportedResolutions: z
    .object({ DiscreteResolutions: z.object({ DiscreteResolution: z.array(resolutionSchema) }).optional() })
    .optional(),
});
const inputCapsSchema = z.object({
  MaxWidth: z.coerce.number(),
  MaxHeight: z.coerce.number(),
  SettingProfiles: z.object({ SettingProfile: z.array(profileSchema) }),
});
const capabilitiesSchema = z.object({
  ScannerCapabilities: z.object({
    MakeAndModel: z.coerce.string().default('eSCL scanner'),
    Platen: z.object({ PlatenInputCaps: inputCapsSchema }).optional(),
    Adf: z
      .object({
        AdfSimplexInputCaps: inputCapsSchema.optional(),
        AdfDuplexInputCaps: inputCapsSchema.optional(),
        FeederCapacity: z.coerce.number().optional(),
        AdfOptions: z.object({ AdfOption: z.array(z.string()) }).optional(),
      })
      .optional(),
  }),
});

const colourModes: Readonly<Record<string, ColourMode>> = { BlackAndWhite1: 'bw', Grayscale8: 'grey', RGB24: 'colour' };
/** 1/300 inch → mm. */
const mm = (units: number) => Math.round((units / 300) * 25.4 * 10) / 10;

function sourceCaps(caps: z.infer<typeof inputCapsSchema>): SourceCapabilities {
  const modes = new Set<ColourMode>();
  const formats = new Set<string>();
  const resolutions = new Set<number>();
  for (const profile of caps.SettingProfiles.SettingProfile) {
    for (const mode of profile.ColorModes?.ColorMode ?? []) {
      const known = colourModes[mode];
      if (known) modes.add(known);
    }
    for (const format of [...(profile.DocumentFormats?.DocumentFormat ?? []), ...(profile.DocumentFormats?.DocumentFormatExt ?? [])]) formats.add(format);
    for (const r of profile.SupportedResolutions?.DiscreteResolutions?.DiscreteResolution ?? []) resolutions.add(r.XResolution);
  }
  return { colourModes: [...modes], resolutions: [...resolutions].sort((a, b) => a - b), formats: [...formats], maxWidthMm: mm(caps.MaxWidth), maxHeightMm: mm(caps.MaxHeight) };
}

function parse(xml: string): Result<unknown, ScannerFailure> {
  try {
    return ok(parser.parse(xml) as unknown);
  } catch (cause: unknown) {
    return err(scannerErrors.badResponse(`XML: ${cause instanceof Error ? cause.message : String(cause)}`));
  }
}

export function parseCapabilities(xml: string): Result<ScannerCapabilities, ScannerFailure> {
  const raw = parse(xml);
  if (!raw.ok) return raw;
  const parsed = capabilitiesSchema.safeParse(raw.value);
  if (!parsed.success) return err(scannerErrors.badResponse(`ScannerCapabilities: ${parsed.error.issues[0]?.path.join('.') ?? '?'}`));
  const c = parsed.data.ScannerCapabilities;
  const adf = c.Adf;
  const feederCaps = adf?.AdfSimplexInputCaps ?? adf?.AdfDuplexInputCaps;
  const duplex = adf?.AdfDuplexInputCaps !== undefined || (adf?.AdfOptions?.AdfOption.includes('Duplex') ?? false);
  return ok({
    makeAndModel: c.MakeAndModel,
    ...(c.Platen ? { platen: sourceCaps(c.Platen.PlatenInputCaps) } : {}),
    ...(feederCaps ? { feeder: { ...sourceCaps(feederCaps), duplex, ...(adf?.FeederCapacity === undefined ? {} : { capacity: adf.FeederCapacity }) } } : {}),
  });
}

const statusSchema = z.object({
  ScannerStatus: z.object({
    State: z.string(),
    AdfState: z.string().optional(),
    Jobs: z
      .union([
        z.literal(''),
        z.object({
          JobInfo: z
            .array(z.object({ JobUri: z.string().optional(), JobUuid: z.string().optional(), JobState: z.string(), JobStateReasons: z.object({ JobStateReason: z.array(z.string()) }).optional() }))
            .optional(),
        }),
      ])
      .optional(),
  }),
});

/** ADF states from the Mopria eSCL specification, folded into what the officer can act on. */
const feederStates: Readonly<Record<string, FeederState>> = {
  ScannerAdfLoaded: 'loaded',
  ScannerAdfEmpty: 'empty',
  ScannerAdfJam: 'jam',
  ScannerAdfMispick: 'mispick',
  ScannerAdfHatchOpen: 'hatch-open',
  ScannerAdfMultipickDetected: 'multipick',
  ScannerAdfProcessing: 'processing',
  ScannerAdfDuplexPageTooShort: 'jam',
  ScannerAdfDuplexPageTooLong: 'jam',
  ScannerAdfInputTrayFailed: 'jam',
  ScannerAdfInputTrayOverloaded: 'mispick',
};
const deviceStates: Readonly<Record<string, ScannerStatus['state']>> = { Idle: 'idle', Processing: 'processing', Testing: 'testing', Stopped: 'stopped', Down: 'down' };

export type EsclJobState = { readonly uuid: string; readonly state: string; readonly reasons: readonly string[] };
export type EsclStatus = ScannerStatus & { readonly jobs: readonly EsclJobState[] };

export function parseStatus(xml: string): Result<EsclStatus, ScannerFailure> {
  const raw = parse(xml);
  if (!raw.ok) return raw;
  const parsed = statusSchema.safeParse(raw.value);
  if (!parsed.success) return err(scannerErrors.badResponse(`ScannerStatus: ${parsed.error.issues[0]?.path.join('.') ?? '?'}`));
  const s = parsed.data.ScannerStatus;
  const infos = typeof s.Jobs === 'object' ? (s.Jobs.JobInfo ?? []) : [];
  return ok({
    state: deviceStates[s.State] ?? 'down',
    ...(s.AdfState === undefined ? {} : { feeder: feederStates[s.AdfState] ?? 'unknown' }),
    jobs: infos.map((j) => ({ uuid: j.JobUuid ?? j.JobUri?.split('/').pop() ?? '', state: j.JobState, reasons: j.JobStateReasons?.JobStateReason ?? [] })),
  });
}
