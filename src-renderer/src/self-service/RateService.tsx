import { useState } from 'react';
import { ratingCriteria, type RatingCriterionId, type Verdict } from '../../../src-shared/domain/ratings/rating';
import { createIdGenerator } from '../../../src-shared/domain/records';
import type { Failure } from '../../../src-shared/result';
import { useLocalStore } from '../app/local-store';
import { saveRating } from '../store/ratings-repository';

const faces: readonly { readonly score: 0 | 1 | 2; readonly face: string; readonly label: string }[] = [
  { score: 2, face: '😀', label: 'Hài lòng' },
  { score: 1, face: '😐', label: 'Bình thường' },
  { score: 0, face: '🙁', label: 'Chưa hài lòng' },
];
const verdicts: readonly { readonly value: Verdict; readonly label: string }[] = [
  { value: 'very-satisfied', label: 'Rất hài lòng' },
  { value: 'satisfied', label: 'Hài lòng' },
  { value: 'not-satisfied', label: 'Không hài lòng' },
];
const newId = createIdGenerator({ now: () => Date.now(), fillRandom: (bytes) => crypto.getRandomValues(bytes) });

/**
 * Rate the service (Decision 766): each criterion with three large faces, then the overall verdict. Criteria
 * may be skipped; the verdict is required. Stored locally with the record code when known, synced with the rest.
 */
export function RateService({ recordCode, onDone }: { recordCode?: string; onDone: () => void }) {
  const db = useLocalStore((s) => s.store?.db);
  const [scores, setScores] = useState<Partial<Record<RatingCriterionId, 0 | 1 | 2>>>({});
  const [overall, setOverall] = useState<Verdict | undefined>();
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<Failure | undefined>();

  const save = async () => {
    if (!db || overall === undefined) return;
    const result = await saveRating(db, { id: newId(), at: Date.now(), channel: 'self-service', scores, overall, ...(recordCode ? { recordCode } : {}) });
    if (!result.ok) return setProblem(result.error);
    setSaved(true);
    window.setTimeout(onDone, 2500);
  };

  if (saved) {
    return (
      <section data-testid="ss-rating-saved">
        <h1>Cảm ơn bạn đã đánh giá!</h1>
        <p>Thank you for your rating.</p>
      </section>
    );
  }
  return (
    <section className="ss-rating" data-testid="ss-rating">
      <h1>Đánh giá chất lượng phục vụ</h1>
      {ratingCriteria.map((criterion) => (
        <div key={criterion.id} className="ss-criterion">
          <span>{criterion.vi}</span>
          <span className="ss-faces">
            {faces.map((f) => (
              <button
                key={f.score}
                type="button"
                aria-label={`${criterion.vi}: ${f.label}`}
                aria-pressed={scores[criterion.id] === f.score}
                className={scores[criterion.id] === f.score ? 'ss-face chosen' : 'ss-face'}
                onClick={() => setScores({ ...scores, [criterion.id]: f.score })}
              >
                {f.face}
              </button>
            ))}
          </span>
        </div>
      ))}
      <h2>Nhìn chung, bạn thấy thế nào?</h2>
      <div className="ss-actions">
        {verdicts.map((v) => (
          <button key={v.value} type="button" className={overall === v.value ? 'ss-big chosen' : 'ss-big secondary'} onClick={() => setOverall(v.value)} data-testid={`ss-overall-${v.value}`}>
            {v.label}
          </button>
        ))}
      </div>
      <button type="button" className="ss-big" disabled={overall === undefined} onClick={() => void save()} data-testid="ss-rating-send">
        Gửi đánh giá
      </button>
      {problem ? (
        <p className="error" role="alert">
          {problem.message}
        </p>
      ) : null}
    </section>
  );
}
