/**
 * Elementary files of the eMRTD application (Doc 9303-10 §4): file id, short file id (SFI) and the outer tag
 * of each file. Names are used in logs, progress events and failures; no file content ever is.
 */
export type DataGroupNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16;
export type LdsFileName = 'EF.CardAccess' | 'EF.COM' | 'EF.SOD' | `DG${DataGroupNumber}`;

export type LdsFileInfo = { readonly name: LdsFileName; readonly fid: number; readonly sfi: number; readonly tag: number | undefined };

const dataGroupTags: Readonly<Record<DataGroupNumber, number>> = {
  1: 0x61,
  2: 0x75,
  3: 0x63,
  4: 0x76,
  5: 0x65,
  6: 0x66,
  7: 0x67,
  8: 0x68,
  9: 0x69,
  10: 0x6a,
  11: 0x6b,
  12: 0x6c,
  13: 0x6d,
  14: 0x6e,
  15: 0x6f,
  16: 0x70,
};

export const EF_CARD_ACCESS: LdsFileInfo = { name: 'EF.CardAccess', fid: 0x011c, sfi: 0x1c, tag: undefined };
export const EF_COM: LdsFileInfo = { name: 'EF.COM', fid: 0x011e, sfi: 0x1e, tag: 0x60 };
export const EF_SOD: LdsFileInfo = { name: 'EF.SOD', fid: 0x011d, sfi: 0x1d, tag: 0x77 };

export function dataGroup(n: DataGroupNumber): LdsFileInfo {
  return { name: `DG${n}`, fid: 0x0100 + n, sfi: n, tag: dataGroupTags[n] };
}

export function isDataGroupNumber(n: number): n is DataGroupNumber {
  return Number.isInteger(n) && n >= 1 && n <= 16;
}

/** EF.COM lists data groups by their tags; this turns a tag back into a number. */
export function dataGroupForTag(tag: number): DataGroupNumber | undefined {
  for (const [n, t] of Object.entries(dataGroupTags)) {
    const number = Number(n);
    if (t === tag && isDataGroupNumber(number)) return number;
  }
  return undefined;
}

/** The eMRTD application identifier selected after PACE (or before BAC). */
export const EMRTD_AID = Uint8Array.of(0xa0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01);
