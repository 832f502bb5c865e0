import { ratingSchema, type Rating } from '../../../src-shared/domain/ratings/rating';
import { parseWith } from '../../../src-shared/domain/records';
import { err, ok, type Failure, type Result } from '../../../src-shared/result';
import { toFailure } from './failures';
import type { MotCuaDb } from './schema';

/** A rating, validated, stored once; the citizen's comment is the only free text and it is never logged. */
export async function saveRating(db: MotCuaDb, rating: Rating): Promise<Result<Rating, Failure>> {
  const parsed = parseWith(ratingSchema, rating);
  if (!parsed.ok) return parsed;
  try {
    await db.ratings.add(parsed.value);
    return ok(parsed.value);
  } catch (error) {
    return err(toFailure(error, 'write'));
  }
}

export async function ratingsBetween(db: MotCuaDb, from: number, to: number): Promise<Result<Rating[], Failure>> {
  try {
    return ok(await db.ratings.where('at').between(from, to, true, false).toArray());
  } catch (error) {
    return err(toFailure(error, 'read'));
  }
}
