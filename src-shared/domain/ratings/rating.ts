import { z } from 'zod';

/**
 * A citizen's rating of the counter's service (Decision 766/QĐ-TTg, satisfaction group): nine criteria scored
 * 2 / 1 / 0, plus convenience and the overall verdict. Stored with the record code when the citizen gives one.
 */
export const ratingCriteria = [
  { id: 'total-time', vi: 'Tổng thời gian giải quyết so với quy định', en: 'Total time against the law' },
  { id: 'agency-time', vi: 'Thời gian của từng cơ quan', en: 'Each agency’s time' },
  { id: 'contacts', vi: 'Số lần phải liên hệ để hoàn thiện hồ sơ', en: 'Contacts needed to complete the file' },
  { id: 'agencies', vi: 'Số cơ quan phải liên hệ', en: 'Agencies contacted' },
  { id: 'one-stop', vi: 'Được tiếp nhận tại Bộ phận một cửa', en: 'Received at the one-stop counter' },
  { id: 'posted', vi: 'Thủ tục được niêm yết công khai', en: 'Procedures publicly posted' },
  { id: 'attitude', vi: 'Thái độ của cán bộ', en: 'Staff attitude' },
  { id: 'feedback', vi: 'Tiếp nhận, xử lý ý kiến phản ánh', en: 'Handling of feedback' },
  { id: 'online-progress', vi: 'Theo dõi tiến độ trực tuyến', en: 'Online progress tracking' },
] as const;

export type RatingCriterionId = (typeof ratingCriteria)[number]['id'];
const criterionIds = ratingCriteria.map((c) => c.id) as [RatingCriterionId, ...RatingCriterionId[]];

export const verdictSchema = z.enum(['very-satisfied', 'satisfied', 'not-satisfied']);
export type Verdict = z.infer<typeof verdictSchema>;

export const ratingSchema = z.object({
  id: z.string().min(1),
  at: z.int().min(0),
  /** The file rated, when the citizen gives its code; a rating "any time" has none. */
  recordCode: z.string().regex(/^[\x21-\x7E]{1,80}$/).optional(),
  /** Where it was given: a self-service point or a counter's keypad. */
  channel: z.enum(['self-service', 'counter']),
  scores: z.partialRecord(z.enum(criterionIds), z.union([z.literal(0), z.literal(1), z.literal(2)])),
  convenience: verdictSchema.optional(),
  overall: verdictSchema,
  comment: z.string().trim().normalize('NFC').max(1000).optional(),
});
export type Rating = z.infer<typeof ratingSchema>;

/** The points a rating gives out of what was scored (criteria left unanswered do not count against the Center). */
export function ratingPoints(rating: Pick<Rating, 'scores'>): { readonly points: number; readonly outOf: number } {
  const values = Object.values(rating.scores);
  return { points: values.reduce<number>((sum, v) => sum + v, 0), outOf: values.length * 2 };
}
