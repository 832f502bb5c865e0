import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import QRCode from 'qrcode';
import type { CardReadReport, FaceVerificationDto } from '../../../src-shared/api/card';
import { formatTicketNumber } from '../../../src-shared/domain/queue/ticket';
import type { Failure } from '../../../src-shared/result';
import { useLocalStore } from '../app/local-store';
import { useKioskStore } from '../app/store';
import { speak } from '../app/tickets';
import type { IssuedTicket } from '../queue/center-queue';
import { centerQueueFor } from '../queue/queue-service';
import { CanKeypad } from './CanKeypad';
import { RateService } from './RateService';
import jsQR from 'jsqr';
import { parseCccdQr } from '../../../src-shared/domain/citizens';
import { captureFaceFrames, scanCardQr } from '../app/camera';
import { useBarcodeScans } from '../app/barcode-scans';
import { LookUpFile } from './LookUpFile';
import { DigitizeDocuments } from './DigitizeDocuments';
import { selfServiceActivityEvent } from './activity';
import { useBackgroundSync } from '../sync/use-background-sync';
import { syncConfigured } from '../sync/sync-service';
import { ProblemNote } from './ProblemNote';

/** Seconds without a touch before the session ends and every trace of the citizen is wiped. */
export const idleSeconds = 60;

type Step = 'start' | 'can' | 'reading' | 'identified' | 'menu' | 'ticket' | 'ticket-issued' | 'rate' | 'look-up' | 'digitize';

/**
 * The citizens' self-service point: tap the ID card, confirm the face, take a queue ticket. No sign-in and none
 * of the officers' screens (the host refuses their methods too). The whole session lives in this component's
 * state: ending it (card removed, "Kết thúc", a minute without a touch) remounts it empty.
 */
/** What the point says aloud at each step, where the system has a Vietnamese voice (silent otherwise). */
const spokenGuidance: Partial<Record<Step, string>> = {
  start: 'Xin mời chạm thẻ căn cước công dân vào đầu đọc.',
  can: 'Xin nhập sáu số cuối của số định danh trên thẻ.',
  identified: 'Xin nhìn vào máy ảnh và bấm kiểm tra khuôn mặt.',
  menu: 'Xin chọn việc bạn muốn làm.',
  ticket: 'Bạn có thuộc diện ưu tiên không?',
  'ticket-issued': 'Phiếu số thứ tự đang được in.',
  rate: 'Xin đánh giá chất lượng phục vụ.',
  'look-up': 'Xin nhập ngày và số hồ sơ trên giấy hẹn, hoặc quét mã QR trên giấy hẹn.',
  digitize: 'Xin chọn lĩnh vực, rồi thủ tục bạn sẽ nộp.',
};

/**
 * Reading aids that stay across citizens (they are the point's, not the person's): larger type (CSS zoom, which
 * Chromium and Electron honour, so every rem-sized target grows) and high contrast.
 */
function useReadingAids() {
  const [scale, setScale] = useState(1);
  const [contrast, setContrast] = useState(false);
  return { scale, contrast, bigger: () => setScale((s) => (s >= 1.5 ? 1 : s + 0.25)), toggleContrast: () => setContrast((c) => !c) };
}

export function SelfServiceApp() {
  const [session, setSession] = useState(0);
  const end = useCallback(() => setSession((n) => n + 1), []);
  const aids = useReadingAids();
  // Ratings leave the point and the Center's records arrive (for the look-up) with nothing shown on screen.
  useBackgroundSync();
  return (
    <div className={aids.contrast ? 'ss-root high-contrast' : 'ss-root'} style={{ zoom: aids.scale }} data-testid="ss-root" data-scale={aids.scale}>
      <div className="ss-aids">
        <button type="button" onClick={aids.bigger} aria-label="Chữ to hơn / Larger text" data-testid="ss-larger">
          A+
        </button>
        <button type="button" onClick={aids.toggleContrast} aria-pressed={aids.contrast} aria-label="Tương phản cao / High contrast" data-testid="ss-contrast">
          ◐
        </button>
      </div>
      <SelfServiceSession key={session} onEnd={end} firstSession={session === 0} />
    </div>
  );
}

function SelfServiceSession({ onEnd, firstSession }: { onEnd: () => void; firstSession: boolean }) {
  const api = useKioskStore((s) => s.api);
  const settings = useKioskStore((s) => s.settings);
  const { store, procedures } = useLocalStore();
  const [step, setStep] = useState<Step>('start');
  const [report, setReport] = useState<CardReadReport | undefined>();
  const [face, setFace] = useState<FaceVerificationDto | undefined>();
  const [verified, setVerified] = useState(false);
  const [problem, setProblem] = useState<Failure | undefined>();
  const [priority, setPriority] = useState<boolean | undefined>();
  const [ticket, setTicket] = useState<(IssuedTicket & { qr: string }) | undefined>();
  const [secondsLeft, setSecondsLeft] = useState(idleSeconds);
  const lastTouch = useRef(Date.now());
  const video = useRef<HTMLVideoElement>(null);
  const qrVideo = useRef<HTMLVideoElement>(null);
  const fields = useMemo(() => [...new Map((procedures ?? []).map((p) => [p.field.code, p.field.name])).entries()].map(([code, name]) => ({ code, name })), [procedures]);
  const inSession = step !== 'start';

  useEffect(() => {
    const text = spokenGuidance[step];
    if (text) speak(text, 'vi');
  }, [step]);

  // A minute without a touch ends the session; the countdown is visible for the last part of it.
  useEffect(() => {
    const touched = () => {
      lastTouch.current = Date.now();
      setSecondsLeft(idleSeconds);
    };
    window.addEventListener('pointerdown', touched);
    window.addEventListener('keydown', touched);
    window.addEventListener(selfServiceActivityEvent, touched);
    const timer = window.setInterval(() => {
      const left = idleSeconds - Math.floor((Date.now() - lastTouch.current) / 1000);
      setSecondsLeft(left);
      if (left <= 0 && inSession) onEnd();
    }, 1000);
    return () => {
      window.removeEventListener('pointerdown', touched);
      window.removeEventListener('keydown', touched);
      window.removeEventListener(selfServiceActivityEvent, touched);
      window.clearInterval(timer);
    };
  }, [inSession, onEnd]);

  useEffect(() => {
    if (!api) return;
    // A card already on the reader when the page comes up (a reload mid-session) counts as a tap. Not after a
    // session ends: a card left behind must not open a session for whoever comes next.
    if (firstSession) {
      void api.call('card.readers', {}).then((readers) => {
        if (readers.ok && readers.value.readers.some((r) => r.cardPresent)) setStep((s) => (s === 'start' ? 'can' : s));
      });
    }
    const off = [
      api.on('card.inserted', () => setStep((s) => (s === 'start' ? 'can' : s))),
      // The card leaves: the session ends with it.
      api.on('card.removed', () => onEnd()),
    ];
    return () => off.forEach((stop) => stop());
  }, [api, onEnd, firstSession]);

  const read = async (can: string) => {
    if (!api) return;
    setStep('reading');
    const result = await api.call('card.read', { can });
    if (!result.ok) {
      setProblem(result.error);
      return setStep('can');
    }
    setProblem(undefined);
    setReport(result.value);
    setStep('identified');
  };

  /** The CAN from the QR on the card's front: the last 6 digits of the ID number it carries. */
  const canFromQr = async () => {
    if (!qrVideo.current) return;
    const scanned = await scanCardQr(qrVideo.current, (rgba, width, height) => jsQR(rgba, width, height)?.data);
    if (!scanned.ok) return setProblem(scanned.error);
    const card = parseCccdQr(scanned.value);
    if (!card.ok) return setProblem(card.error);
    await read(card.value.citizenId.slice(6));
  };

  // The card's front QR read by the point's barcode scanner (a keyboard wedge) while the CAN is asked for.
  useBarcodeScans((scanned) => {
    const card = parseCccdQr(scanned);
    if (!card.ok) {
      setProblem(card.error);
      return true;
    }
    void read(card.value.citizenId.slice(6));
    return true;
  }, step === 'can');

  const checkFace = async () => {
    if (!api || !report || !video.current) return;
    const frames = await captureFaceFrames(video.current);
    if (!frames.ok) return setProblem(frames.error);
    const result = await api.call('face.verify', { readId: report.readId, frames: frames.value });
    if (!result.ok) return setProblem(result.error);
    setProblem(undefined);
    setFace(result.value);
    if (result.value.decision === 'match') {
      setVerified(true);
      window.setTimeout(() => setStep('menu'), 1200);
    }
  };

  // A ticket and documents are bound to the ID number read from the chip only once the face matched the chip's photo;
  // documents only where the point is enrolled: the Center's server is how they reach the counter.
  const chipCitizenId = report?.personal?.citizenId ?? report?.mrz?.citizenId;
  const identifiedCitizen = verified && chipCitizenId !== undefined && /^\d{12}$/.test(chipCitizenId) ? chipCitizenId : undefined;
  const digitizeFor = syncConfigured(settings) ? identifiedCitizen : undefined;

  /** The Center's queue when the point is enrolled and the server answers (counters see the ticket), else this machine's. */
  const takeTicket = async (field: { code: string; name: string }) => {
    if (!store || !settings || priority === undefined) return;
    const names = new Map(fields.map((f) => [f.code, f.name]));
    const queue = centerQueueFor(store.db, api, settings, (code) => names.get(code));
    // The ticket carries the citizen only once the face matched the chip: the counter that calls it opens their file.
    const issued = await queue.issue({ fieldCode: field.code, fieldName: field.name, priority, ...(identifiedCitizen === undefined ? {} : { citizenId: identifiedCitizen }) });
    if (!issued.ok) return setProblem(issued.error);
    const { ticket: taken, ahead } = issued.value;
    const number = formatTicketNumber(taken.number);
    const printed = await api?.call('printer.print', {
      slip: { kind: 'queue-ticket', centerName: settings.centerName, ticketNumber: number, fieldName: field.name, counter: verified ? 'Quầy tiếp nhận' : 'Quầy hỗ trợ', issuedAt: taken.issuedAt, peopleAhead: ahead },
    });
    if (printed && !printed.ok) setProblem(printed.error);
    const qr = await QRCode.toDataURL(`${settings.centerUnitId}/${taken.day}/${number}`, { margin: 1, width: 220 });
    setTicket({ ...issued.value, qr });
    setStep('ticket-issued');
  };

  const name = report?.personal?.fullName ?? '';
  return (
    <main className="self-service" data-testid="self-service" data-step={step}>
      <header>
        <span>{settings?.centerName}</span>
        {inSession ? (
          <span className={secondsLeft <= 20 ? 'countdown urgent' : 'countdown'} data-testid="countdown">
            {secondsLeft} s
          </span>
        ) : null}
      </header>

      {step === 'start' ? (
        <section className="ss-start">
          <div className="ss-card-icon" aria-hidden>
            🪪
          </div>
          <h1>Chạm thẻ Căn cước công dân vào đầu đọc</h1>
          <p>Tap your citizen ID card on the reader</p>
          <button type="button" className="ss-big secondary" onClick={() => setStep('look-up')} data-testid="ss-look-up">
            Tra cứu hồ sơ / Look up a file
          </button>
          <button type="button" className="ss-big secondary" onClick={() => setStep('rate')} data-testid="ss-rate">
            Đánh giá dịch vụ / Rate the service
          </button>
        </section>
      ) : null}

      {step === 'can' ? (
        <section>
          <h1>Nhập 6 số cuối của số định danh trên thẻ</h1>
          <p>Enter the last 6 digits of the ID number printed on the card</p>
          <div className="ss-can-ways">
            <CanKeypad onDone={(can) => void read(can)} />
            <div>
              <button type="button" className="ss-big secondary" onClick={() => void canFromQr()} data-testid="ss-qr">
                Quét mã QR trên mặt trước thẻ
              </button>
              <p className="ss-hint">Hoặc đưa mã QR trên thẻ vào máy quét mã vạch · Or hold the card's QR under the barcode scanner</p>
              <video ref={qrVideo} muted playsInline width={320} height={240} />
            </div>
          </div>
        </section>
      ) : null}

      {step === 'reading' ? (
        <section>
          <h1>Đang đọc thẻ, xin giữ yên thẻ…</h1>
          <p>Reading the card, please keep it still…</p>
        </section>
      ) : null}

      {step === 'identified' && report ? (
        <section className="ss-identified">
          {report.face?.dataUrl ? <img src={report.face.dataUrl} alt="Ảnh trong thẻ" height={220} /> : null}
          <div>
            <h1 data-testid="ss-name">Xin chào {name}</h1>
            <p>Nhìn vào máy ảnh và nghiêng nhẹ đầu, rồi bấm nút bên dưới. / Look at the camera, move slightly, then press.</p>
            <video ref={video} muted playsInline width={320} height={240} />
            <div className="ss-actions">
              <button type="button" className="ss-big" onClick={() => void checkFace()} data-testid="ss-face">
                Kiểm tra khuôn mặt
              </button>
              <button type="button" className="ss-big secondary" onClick={() => setStep('menu')} data-testid="ss-ask-officer">
                Nhờ cán bộ hỗ trợ
              </button>
            </div>
            {face ? (
              <p className={face.decision === 'match' ? 'ok' : 'error'} data-testid="ss-face-result" data-decision={face.decision}>
                {face.decision === 'match' ? 'Đã xác nhận khuôn mặt' : face.decision === 'liveness-failed' ? 'Chưa nhận ra chuyển động, xin thử lại' : 'Chưa khớp, xin thử lại hoặc nhờ cán bộ'}
                {face.score !== undefined ? ` (${Math.round(face.score * 100)} %)` : ''}
              </p>
            ) : null}
          </div>
        </section>
      ) : null}

      {step === 'menu' ? (
        <section>
          <h1>{verified ? 'Bạn muốn làm gì?' : 'Bạn sẽ được cán bộ hỗ trợ. Lấy số thứ tự:'}</h1>
          <div className="ss-actions">
            <button type="button" className="ss-big" onClick={() => setStep('ticket')} data-testid="ss-take-ticket">
              Lấy số thứ tự
            </button>
            {digitizeFor === undefined ? null : (
              <button type="button" className="ss-big" onClick={() => setStep('digitize')} data-testid="ss-digitize">
                Số hoá giấy tờ
                <br />
                <small>Digitize my documents</small>
              </button>
            )}
            <button type="button" className="ss-big secondary" onClick={() => setStep('look-up')} data-testid="ss-look-up">
              Tra cứu hồ sơ
            </button>
            <button type="button" className="ss-big secondary" onClick={() => setStep('rate')} data-testid="ss-rate">
              Đánh giá dịch vụ
            </button>
            <button type="button" className="ss-big secondary" onClick={onEnd} data-testid="ss-finish">
              Kết thúc
            </button>
          </div>
        </section>
      ) : null}

      {step === 'rate' ? <RateService onDone={onEnd} /> : null}

      {step === 'look-up' ? <LookUpFile onFinish={onEnd} /> : null}

      {step === 'digitize' && digitizeFor !== undefined ? <DigitizeDocuments citizenId={digitizeFor} onFinish={onEnd} /> : null}

      {step === 'ticket' ? (
        <section>
          <h1>Bạn có thuộc diện ưu tiên không?</h1>
          <p>Người cao tuổi, người khuyết tật, phụ nữ mang thai / elderly, disabled, pregnant</p>
          <div className="ss-actions">
            <button type="button" className={priority === true ? 'ss-big chosen' : 'ss-big'} onClick={() => setPriority(true)} data-testid="ss-priority-yes">
              Có
            </button>
            <button type="button" className={priority === false ? 'ss-big chosen' : 'ss-big'} onClick={() => setPriority(false)} data-testid="ss-priority-no">
              Không
            </button>
          </div>
          {priority !== undefined ? (
            <>
              <h2>Chọn lĩnh vực / Choose the field</h2>
              <div className="ss-fields">
                {fields.map((field) => (
                  <button key={field.code} type="button" className="ss-big" onClick={() => void takeTicket(field)}>
                    {field.name}
                  </button>
                ))}
              </div>
            </>
          ) : null}
        </section>
      ) : null}

      {step === 'ticket-issued' && ticket ? (
        <section className="ss-ticket">
          <h1>Số thứ tự của bạn</h1>
          <div className="ss-number" data-testid="ss-ticket-number">
            {formatTicketNumber(ticket.ticket.number)}
          </div>
          <p>
            {ticket.ticket.fieldName} · Số người chờ trước: {ticket.ahead}
          </p>
          {ticket.waitMinutes === undefined ? null : (
            <p data-testid="ss-wait">
              Thời gian chờ ước tính ≈ {ticket.waitMinutes} phút
              <br />
              <small>Estimated wait ≈ {ticket.waitMinutes} min</small>
            </p>
          )}
          <img src={ticket.qr} alt="Mã QR của số thứ tự" width={220} />
          <p>Phiếu đang được in. Bạn có thể chụp mã QR này. / Your ticket is printing; you may photograph the QR.</p>
          <button type="button" className="ss-big" onClick={onEnd} data-testid="ss-finish">
            Kết thúc
          </button>
        </section>
      ) : null}

      <ProblemNote problem={problem} />
    </main>
  );
}
