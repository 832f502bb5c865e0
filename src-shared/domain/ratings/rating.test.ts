import { describe, expect, it } from 'vitest';
import { ratingCriteria, ratingPoints, ratingSchema } from './rating';

describe('service ratings (Decision 766)', () => {
  it('has the nine counter criteria and counts only what was scored', () => {
    expect(ratingCriteria).toHaveLength(9);
    expect(ratingPoints({ scores: { attitude: 2, 'total-time': 1 } })).toEqual({ points: 3, outOf: 4 });
    expect(ratingPoints({ scores: {} })).toEqual({ points: 0, outOf: 0 });
  });

  it('refuses a score outside 0–2, an unknown criterion and a missing verdict', () => {
    const base = { id: 'r1', at: 1, channel: 'self-service', overall: 'satisfied', scores: {} };
    expect(ratingSchema.safeParse(base).success).toBe(true);
    expect(ratingSchema.safeParse({ ...base, scores: { attitude: 3 } }).success).toBe(false);
    expect(ratingSchema.safeParse({ ...base, scores: { speed: 2 } }).success).toBe(false);
    const { overall: _overall, ...noVerdict } = base;
    expect(ratingSchema.safeParse(noVerdict).success).toBe(false);
  });
});
