import type { ColourMode, ScannerCapabilities, ScannerInfo, SourceCapabilities } from '../scanner';

/** `scanimage -f` with tab-separated fields: device, vendor, model, type. */
export const LIST_FORMAT = '%d\t%v\t%m\t%t%n';

export function parseDeviceList(stdout: string): ScannerInfo[] {
  return stdout
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((fields) => fields.length >= 4 && (fields[0] ?? '').length > 0)
    .map(([id = '', vendor = '', model = '', type = '']) => ({ id, name: `${vendor} ${model} (${type})`.trim(), backend: 'sane' as const }));
}

export type SaneOption = { readonly name: string; readonly values: readonly string[]; readonly range?: { readonly min: number; readonly max: number }; readonly unit: string; readonly current: string; readonly inactive: boolean };

/**
 * `scanimage -A` lines look like `    --mode Gray|Color [Gray]` or `    -x 0..215.9mm [215.9]` or
 * `    --resolution 1..1200dpi (in steps of 1) [300]`. Options differ per backend; only the ones we use are read.
 */
export function parseOptions(stdout: string): Map<string, SaneOption> {
  const options = new Map<string, SaneOption>();
  const pattern = /^\s+(--?[\w-]+)(?:\[=\([^)]*\)\])?\s+(.*?)\s*\[([^\]]*)\]\s*$/;
  for (const line of stdout.split('\n')) {
    const match = pattern.exec(line);
    if (!match) continue;
    const name = (match[1] ?? '').replace(/^-+/, '');
    const spec = (match[2] ?? '').replace(/\(in steps of [^)]*\)/, '').trim();
    const current = match[3] ?? '';
    const rangeMatch = /^(-?[\d.]+)\.\.(-?[\d.]+)([a-z%]*)$/i.exec(spec);
    if (rangeMatch) {
      options.set(name, { name, values: [], range: { min: Number(rangeMatch[1]), max: Number(rangeMatch[2]) }, unit: rangeMatch[3] ?? '', current, inactive: current === 'inactive' });
      continue;
    }
    const unitMatch = /(dpi|mm)$/.exec(spec);
    const values = spec.replace(/(dpi|mm)$/, '').split('|').map((v) => v.trim()).filter(Boolean);
    options.set(name, { name, values, unit: unitMatch?.[1] ?? '', current, inactive: current === 'inactive' });
  }
  return options;
}

const usualResolutions = [75, 100, 150, 200, 300, 400, 600];

export const modeNames: Readonly<Record<ColourMode, readonly string[]>> = { bw: ['Lineart', 'Binary', 'Black & White'], grey: ['Gray', 'Grayscale', 'Gray8'], colour: ['Color', 'Colour', 'RGB'] };
export const isPlatenName = (v: string) => /flatbed|platen|glass/i.test(v);
export const isFeederName = (v: string) => /adf|feeder/i.test(v);
export const isDuplexName = (v: string) => /duplex/i.test(v);

/** What the device can do, from its options; a range of resolutions is offered at the usual steps inside it. */
export function capabilitiesFromOptions(options: Map<string, SaneOption>, model: string): ScannerCapabilities {
  const mode = options.get('mode');
  const colourModes = (Object.keys(modeNames) as ColourMode[]).filter((m) => (mode?.values ?? ['Gray']).some((v) => modeNames[m].includes(v)));
  const res = options.get('resolution');
  const resolutions = res?.range ? usualResolutions.filter((r) => r >= (res.range?.min ?? 0) && r <= (res.range?.max ?? 0)) : (res?.values ?? []).map(Number).filter((n) => Number.isFinite(n));
  const maxWidthMm = options.get('x')?.range?.max ?? 216;
  const maxHeightMm = options.get('y')?.range?.max ?? 297;
  const caps: SourceCapabilities = { colourModes, resolutions, formats: ['image/png'], maxWidthMm, maxHeightMm };
  const sources = options.get('source')?.values ?? ['Flatbed'];
  const feeder = sources.some(isFeederName);
  return {
    makeAndModel: model,
    ...(sources.some(isPlatenName) || !feeder ? { platen: caps } : {}),
    ...(feeder ? { feeder: { ...caps, duplex: sources.some(isDuplexName) } } : {}),
  };
}
