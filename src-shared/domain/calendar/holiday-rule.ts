/**
 * A public holiday as data: where it falls, which days around it are off, and which law says so over which
 * dates. A new law is a new rules file with its own effective range, not an edit to the engine.
 */
export const HOLIDAY_IDS = ['new-year', 'lunar-new-year', 'hung-kings', 'reunification-day', 'labour-day', 'national-day'] as const;
export type HolidayId = (typeof HOLIDAY_IDS)[number];

/** The day a holiday is counted from, on the solar (dương lịch) or the Vietnamese lunar (âm lịch) calendar. */
export type HolidayAnchor = {
  readonly calendar: 'solar' | 'lunar';
  readonly month: number;
  readonly day: number;
};

export type HolidayRule = {
  readonly holiday: HolidayId;
  readonly anchor: HolidayAnchor;
  /** Days off counted from the anchor (0 = the anchor day, -1 = the day before). */
  readonly offsets: readonly number[];
  readonly reason: string;
  readonly reasonEn: string;
  /** Text for the day off in lieu when a day of this holiday falls on a weekly rest day. */
  readonly compensatoryReason: string;
  readonly compensatoryReasonEn: string;
  /** The law and article, for the explanation shown to a technician. */
  readonly legalBasis: string;
  /** The rule applies to a holiday whose anchor day lies in [from, until] ('YYYY-MM-DD', inclusive). */
  readonly effective: { readonly from: string; readonly until?: string };
};
