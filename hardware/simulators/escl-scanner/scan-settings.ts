import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';

/** The parts of a client's scan:ScanSettings the simulator honours (namespaces stripped). */
const settingsSchema = z.object({
  ScanSettings: z.object({
    InputSource: z.enum(['Platen', 'Feeder', 'Camera']).default('Platen'),
    Duplex: z.union([z.boolean(), z.string()]).optional(),
    ColorMode: z.enum(['BlackAndWhite1', 'Grayscale8', 'RGB24']).default('RGB24'),
    XResolution: z.coerce.number().int().positive(),
    YResolution: z.coerce.number().int().positive().optional(),
    DocumentFormat: z.string().optional(),
    DocumentFormatExt: z.string().optional(),
  }),
});

export type RequestedScan = {
  readonly source: 'Platen' | 'Feeder';
  readonly duplex: boolean;
  readonly colorMode: 'BlackAndWhite1' | 'Grayscale8' | 'RGB24';
  readonly dpi: number;
  readonly format: 'image/png' | 'image/jpeg';
};

const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: true, ignoreAttributes: true });

export function parseScanSettings(xml: string): RequestedScan | undefined {
  const parsed = settingsSchema.safeParse(parser.parse(xml));
  if (!parsed.success) return undefined;
  const s = parsed.data.ScanSettings;
  if (s.InputSource === 'Camera') return undefined;
  const format = (s.DocumentFormatExt ?? s.DocumentFormat) === 'image/png' ? 'image/png' : 'image/jpeg';
  return { source: s.InputSource, duplex: s.Duplex === true || s.Duplex === 'true', colorMode: s.ColorMode, dpi: s.XResolution, format };
}
