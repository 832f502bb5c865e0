import type { ColourMode, ScanSettings, SourceCapabilities } from '../scanner';

const colourModes: Readonly<Record<ColourMode, string>> = { bw: 'BlackAndWhite1', grey: 'Grayscale8', colour: 'RGB24' };
/** A4 in eSCL units (1/300 inch): counters scan A4 papers. */
const A4 = { width: 2480, height: 3508 } as const;

/**
 * Prefers PNG (lossless: the pipeline's thresholds and deskew see the real page) and falls back to JPEG, which
 * every eSCL device offers. Text intent, so devices tune sharpening for documents.
 */
export function chooseFormat(caps: SourceCapabilities | undefined): 'image/png' | 'image/jpeg' {
  return caps?.formats.includes('image/png') ? 'image/png' : 'image/jpeg';
}

export function scanSettingsXml(settings: ScanSettings, format: string, caps: SourceCapabilities | undefined): string {
  const width = Math.min(A4.width, caps ? Math.floor((caps.maxWidthMm / 25.4) * 300) : A4.width);
  const height = Math.min(A4.height, caps ? Math.floor((caps.maxHeightMm / 25.4) * 300) : A4.height);
  return `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScanSettings xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm" xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03">
  <pwg:Version>2.0</pwg:Version>
  <scan:Intent>Document</scan:Intent>
  <pwg:ScanRegions pwg:MustHonor="false"><pwg:ScanRegion>
    <pwg:ContentRegionUnits>escl:ThreeHundredthsOfInches</pwg:ContentRegionUnits>
    <pwg:XOffset>0</pwg:XOffset><pwg:YOffset>0</pwg:YOffset><pwg:Width>${width}</pwg:Width><pwg:Height>${height}</pwg:Height>
  </pwg:ScanRegion></pwg:ScanRegions>
  <pwg:InputSource>${settings.source === 'feeder' ? 'Feeder' : 'Platen'}</pwg:InputSource>
  ${settings.source === 'feeder' ? `<scan:Duplex>${settings.duplex}</scan:Duplex>` : ''}
  <scan:ColorMode>${colourModes[settings.colour]}</scan:ColorMode>
  <scan:XResolution>${settings.dpi}</scan:XResolution><scan:YResolution>${settings.dpi}</scan:YResolution>
  <pwg:DocumentFormat>${format}</pwg:DocumentFormat>
  <scan:DocumentFormatExt>${format}</scan:DocumentFormatExt>
</scan:ScanSettings>
`;
}
