import { useRef, useState } from 'react';
import jsQR from 'jsqr';
import type { PublicRecordView } from '../../../src-shared/domain/records/public-view';
import { failure, type Failure } from '../../../src-shared/result';
import { scanQr } from '../app/camera';
import { useLocalStore } from '../app/local-store';
import { useKioskStore } from '../app/store';
import { speak } from '../app/tickets';
import { lookUpRecord } from '../store/record-lookup';
import { RateService } from './RateService';
import { RecordCodeKeypad } from './RecordCodeKeypad';
import './look-up.css';
import { ProblemNote } from './ProblemNote';

const receiptQrNotRead = failure(
  'camera.no-receipt-qr',
  'Chưa đọc được mã QR trên giấy hẹn. Xin giữ giấy trước máy ảnh, hoặc nhập ngày và số hồ sơ.',
  'The receipt’s QR code was not read. Hold the receipt before the camera, or type the day and file number.',
);

const pickupText = {
  counter: { vi: 'Tại Trung tâm, quầy trả kết quả', en: 'At the Center’s result counter' },
  post: { vi: 'Qua dịch vụ bưu chính công ích', en: 'By public postal service' },
} as const;

/**
 * "Look up a file" at the self-service point, with or without a card: the receipt's code typed on big keys (the
 * Center's unit filled in) or its QR read by the camera. Shows only the public view of the file (no personal
 * data). Lives inside the self-service session, so its countdown and wipe apply; "Kết thúc" ends the session.
 */
export function LookUpFile({ onFinish }: { onFinish: () => void }) {
  const unitId = useKioskStore((s) => s.settings?.centerUnitId);
  const db = useLocalStore((s) => s.store?.db);
  const [view, setView] = useState<PublicRecordView | undefined>();
  const [problem, setProblem] = useState<Failure | undefined>();
  const [scanning, setScanning] = useState(false);
  const [rating, setRating] = useState(false);
  const video = useRef<HTMLVideoElement>(null);

  const find = async (typed: string) => {
    if (!db) return;
    const found = await lookUpRecord(db, typed);
    if (!found.ok) return setProblem(found.error);
    setProblem(undefined);
    setView(found.value);
    speak(found.value.statusText.vi, 'vi');
  };

  const scan = async () => {
    if (!video.current) return;
    setScanning(true);
    const scanned = await scanQr(video.current, (rgba, width, height) => jsQR(rgba, width, height)?.data, receiptQrNotRead);
    setScanning(false);
    if (!scanned.ok) return setProblem(scanned.error);
    await find(scanned.value);
  };

  if (view && rating) return <RateService recordCode={view.code} onDone={onFinish} />;

  if (view) {
    return (
      <section className="ss-lookup" data-testid="ss-lookup-result" data-status={view.status} data-tone={view.tone}>
        <p className="ss-lookup-code">
          Hồ sơ / File <strong data-testid="ss-lookup-code">{view.code}</strong>
        </p>
        <h1 data-testid="ss-lookup-procedure">{view.procedureName}</h1>
        <p className={`ss-lookup-status tone-${view.tone}`} data-testid="ss-lookup-status">
          <strong>{view.statusText.vi}</strong>
          <br />
          <small>{view.statusText.en}</small>
        </p>
        {view.advice ? (
          <p>
            {view.advice.vi}
            <br />
            <small>{view.advice.en}</small>
          </p>
        ) : null}
        {view.supplement ? (
          <div className="ss-lookup-missing" data-testid="ss-lookup-missing">
            <h2>Giấy tờ cần bổ sung / Documents to bring</h2>
            {view.supplement.missing.length > 0 ? (
              <ul>
                {view.supplement.missing.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ul>
            ) : (
              <p>Xin hỏi cán bộ tại quầy. / Please ask at the counter.</p>
            )}
            <p>
              <small>
                {view.supplement.requestedAt.label.vi} / {view.supplement.requestedAt.label.en}: {view.supplement.requestedAt.text}
              </small>
            </p>
          </div>
        ) : null}
        <dl className="ss-lookup-dates">
          {view.dates.map((d) => (
            <div key={d.kind} data-testid={`ss-lookup-${d.kind}`}>
              <dt>
                {d.label.vi} <small>/ {d.label.en}</small>
              </dt>
              <dd>{d.text}</dd>
            </div>
          ))}
          <div>
            <dt>
              Nơi nhận kết quả <small>/ Where to collect</small>
            </dt>
            <dd>
              {pickupText[view.pickup].vi} <small>/ {pickupText[view.pickup].en}</small>
            </dd>
          </div>
        </dl>
        <div className="ss-actions">
          <button type="button" className="ss-big secondary" onClick={() => setView(undefined)} data-testid="ss-lookup-again">
            Tra cứu hồ sơ khác
          </button>
          <button type="button" className="ss-big secondary" onClick={() => setRating(true)} data-testid="ss-lookup-rate">
            Đánh giá hồ sơ này
          </button>
          <button type="button" className="ss-big" onClick={onFinish} data-testid="ss-finish">
            Kết thúc
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="ss-lookup" data-testid="ss-lookup">
      <h1>Tra cứu hồ sơ</h1>
      <p>Nhập ngày và số hồ sơ in trên giấy hẹn, hoặc quét mã QR trên giấy hẹn. / Type the day and number printed on your receipt, or scan its QR code.</p>
      <div className="ss-can-ways">
        {unitId ? <RecordCodeKeypad unitId={unitId} onDone={(code) => void find(code)} /> : null}
        <div className="ss-lookup-qr">
          <button type="button" className="ss-big secondary" onClick={() => void scan()} disabled={scanning} data-testid="ss-lookup-qr">
            Quét mã QR trên giấy hẹn
          </button>
          <video ref={video} muted playsInline width={320} height={240} />
        </div>
      </div>
      <ProblemNote problem={problem} testId="ss-lookup-problem" />
      <div className="ss-actions">
        <button type="button" className="ss-big secondary" onClick={onFinish} data-testid="ss-finish">
          Kết thúc
        </button>
      </div>
    </section>
  );
}
