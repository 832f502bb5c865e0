import { z } from 'zod';
import { officeHoursSchema } from '../domain/calendar/office-hours';

/** A unit's electronic ID (Decision 20/2020/QĐ-TTg): dot-separated upper-case segments, e.g. 000.00.00.H30, H55.242. */
export const unitIdSchema = z.string().regex(/^[A-Z0-9]{1,6}(\.[A-Z0-9]{1,6}){0,5}$/, { message: 'unit electronic ID, e.g. 000.00.00.H30' });

export const languageSchema = z.enum(['vi', 'en']);

export const settingsSchema = z.object({
  centerUnitId: unitIdSchema,
  centerName: z.string().min(1).max(200),
  /** The body the Center belongs to, printed above its name on the forms: "UBND PHƯỜNG HOÀ BÌNH". */
  centerSuperiorName: z.string().max(200).optional(),
  /** The place name (địa danh) of the forms' date line: "Hoà Bình, ngày … tháng … năm …". */
  centerPlace: z.string().min(1).max(100),
  centerPhone: z.string().max(20).optional(),
  counterNumber: z.number().int().min(1).max(99),
  /** The kiosk's slot within its unit (0–9): the first digit of the record codes it allocates offline. */
  kioskSlot: z.number().int().min(0).max(9),
  /** The calendar's own office-hours form, so the due-date computation reads the settings as they are. */
  officeHours: officeHoursSchema.refine((h) => h.sessions.length <= 4 && h.sessions.every((s) => s.opens < s.closes), { message: 'sessions: opens < closes, at most 4' }),
  language: languageSchema,
  /** The Center's sync server (docs/SYNC.md), e.g. http://192.168.1.10:8787; absent: the kiosk works alone. */
  syncServerUrl: z.url({ protocol: /^https?$/ }).max(300).optional(),
  /** This kiosk's credential, from enrollment; the server keeps only its hash. */
  kioskToken: z.string().min(32).max(200).optional(),
});

export type Settings = z.infer<typeof settingsSchema>;

/** A patch: any subset of the settings; the host validates the merged result as a whole. */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** The demo Center that a fresh install starts with, so the kiosk runs with no configuration. */
export const defaultSettings: Settings = {
  centerUnitId: '000.00.00.H99',
  centerName: 'Trung tâm Phục vụ hành chính công phường Mẫu (demo)',
  centerSuperiorName: 'UBND PHƯỜNG MẪU',
  centerPlace: 'Phường Mẫu',
  counterNumber: 1,
  kioskSlot: 1,
  officeHours: {
    sessions: [
      { opens: '07:00', closes: '11:30' },
      { opens: '13:30', closes: '17:00' },
    ],
  },
  language: 'vi',
};
