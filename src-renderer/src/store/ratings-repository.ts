import { ratingSchema, type Rating } from '../../../src-shared/domain/ratings/rating';
import { parseWith } from '../../../src-shared/domain/records';
import { err, ok, type Failure, type Result } from '../../../src-shared/result';
import { toFailure } from './failures';
import { appendToOutbox } from './outbox';
import type { MotCuaDb } from './schema';

/**
 * A rating, validated, stored once; the citizen's comment is the only free text and it is never logged. Its
 * outbox row is written in the same transaction, so a rating is either kept and on its way to the sync server,
 * or not kept at all (a second save of the same id aborts both).
 */
export async function saveRating(db: MotCuaDb, rating: Rating): Promise<Result<Rating, Failure>> {
  const parsed = parseWith(ratingSchema, rating);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  try {
    await db.transaction('rw', [db.ratings, db.outbox, db.settings], async () => {
      await db.ratings.add(value);
      await appendToOutbox(db.outbox, db.settings, { kind: 'rating.submit', entity: 'rating', entityId: value.id, payload: { rating: value } }, value.at);
    });
    return ok(value);
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
