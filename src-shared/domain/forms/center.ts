import { z } from 'zod';
import { err, ok, type Result } from '../../result';
import { unitIdSchema } from '../records';
import { formFailures, type FormFailure } from './errors';

const text = (max: number) => z.string().trim().normalize('NFC').min(1).max(max);

/**
 * What the forms print about the Center that issues them. The kiosk settings hold the unit ID and name today;
 * the place name and the superior body are form-only facts, so they live here until settings carry them.
 */
export const centerProfileSchema = z.object({
  /** The receiving unit's electronic ID (the first part of every record code it issues). */
  unitId: unitIdSchema,
  /** "Trung tâm Phục vụ hành chính công phường Hoà Bình". */
  unitName: text(200),
  /** The body the Center belongs to, printed above its name: "UBND PHƯỜNG HOÀ BÌNH". */
  superiorName: text(200).optional(),
  /** The place name (địa danh) of the date line: "Hoà Bình, ngày … tháng … năm …". */
  place: text(100),
  /** The Center's hotline, printed where a citizen is told whom to call. */
  phone: z.string().trim().max(20).optional(),
  /**
   * Names of the agencies files are handed over to, by electronic ID: history rows carry only the ID, and
   * form 06 must name the agency. An unknown ID is printed as the ID itself.
   */
  unitNames: z.record(unitIdSchema, text(200)).optional(),
});
export type CenterProfile = z.infer<typeof centerProfileSchema>;

/** Validates the profile at the edge (settings, IPC) so the form builders can trust it. */
export function parseCenterProfile(input: unknown): Result<CenterProfile, FormFailure> {
  const parsed = centerProfileSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const path = issue === undefined ? undefined : issue.path.map(String).join('.');
  return err(formFailures.invalidCenter(`${issue?.message ?? 'invalid'}${path === undefined || path === '' ? '' : ` (${path})`}`, path));
}

/** The printable name of a unit: the Center itself, a known agency, or its electronic ID. */
export function unitNameOf(center: CenterProfile, unitId: string): string {
  if (unitId === center.unitId) return center.unitName;
  return center.unitNames?.[unitId] ?? unitId;
}
