import { useEffect, useRef, useState } from 'react';
import type { CardReadReport, FaceVerificationDto } from '../../../../src-shared/api/card';
import type { Failure } from '../../../../src-shared/result';
import { useKioskStore } from '../../app/store';
import { useFailureText, useText } from '../../i18n/use-text';
import { captureFaceFrames } from '../../app/camera';

export type ChipIdentity = { readonly idNumber: string; readonly fullName: string; readonly address: string };

/** The card access number is the last 6 digits of the 12-digit ID, known from the front QR or typed. */
export const canOf = (idNumber: string): string | undefined => (/^\d{12}$/.test(idNumber.trim()) ? idNumber.trim().slice(6) : undefined);

/** dd/MM/yyyy "Nam"… → what the form needs: the chip's fields, NFC, nothing invented. */
function identityOf(report: CardReadReport): ChipIdentity | undefined {
  const idNumber = report.personal?.citizenId ?? report.mrz?.citizenId;
  const fullName = report.personal?.fullName;
  if (idNumber === undefined || fullName === undefined) return undefined;
  return { idNumber, fullName: fullName.normalize('NFC'), address: (report.personal?.placeOfResidence ?? '').normalize('NFC') };
}

/**
 * Identify the citizen from the chip: tap the card, read it with the CAN (from the QR or the typed ID), fill the
 * form, show the chip photo and whether the chip's data is genuine (passive authentication: passed, failed with
 * which check, or no trusted certificate configured — never a silent "ok"), then compare the face with the camera.
 */
export function CardIdentify({ idNumber, onIdentified }: { idNumber: string; onIdentified: (identity: ChipIdentity, summary: { passiveAuth: string; faceScore?: number }) => void }) {
  const t = useText();
  const failureText = useFailureText();
  const api = useKioskStore((s) => s.api);
  const [cardPresent, setCardPresent] = useState(false);
  const [typedCan, setTypedCan] = useState('');
  const [progress, setProgress] = useState<string>('');
  const [report, setReport] = useState<CardReadReport | undefined>();
  const [face, setFace] = useState<FaceVerificationDto | undefined>();
  const [problem, setProblem] = useState<Failure | undefined>();
  const [busy, setBusy] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const [cameraOn, setCameraOn] = useState(false);
  const can = canOf(idNumber) ?? (/^\d{6}$/.test(typedCan) ? typedCan : undefined);

  useEffect(() => {
    if (!api) return;
    void api.call('card.readers', {}).then((readers) => readers.ok && setCardPresent(readers.value.readers.some((r) => r.cardPresent)));
    const off = [
      api.on('card.inserted', () => setCardPresent(true)),
      api.on('card.removed', () => {
        // The card left: forget what was read from it on this screen (the form keeps what was filled).
        setCardPresent(false);
        setReport(undefined);
        setFace(undefined);
        setProgress('');
      }),
      api.on('card.progress', (p) => setProgress(`${p.file} ${p.totalBytes > 0 ? Math.round((p.bytesRead / p.totalBytes) * 100) : 0} %`)),
    ];
    return () => off.forEach((stop) => stop());
  }, [api]);

  const read = async () => {
    if (!api || can === undefined) return;
    setBusy(true);
    const result = await api.call('card.read', { can });
    setBusy(false);
    setProgress('');
    if (!result.ok) return setProblem(result.error);
    setProblem(undefined);
    setReport(result.value);
    setFace(undefined);
    const identity = identityOf(result.value);
    if (identity) onIdentified(identity, { passiveAuth: result.value.passiveAuthentication.status });
  };

  const verifyFace = async () => {
    if (!api || !report || !video.current) return;
    setBusy(true);
    setCameraOn(true);
    const frames = await captureFaceFrames(video.current);
    setCameraOn(false);
    if (!frames.ok) {
      setBusy(false);
      return setProblem(frames.error);
    }
    const result = await api.call('face.verify', { readId: report.readId, frames: frames.value });
    setBusy(false);
    if (!result.ok) return setProblem(result.error);
    setProblem(undefined);
    setFace(result.value);
    const identity = identityOf(report);
    if (identity && result.value.score !== undefined) onIdentified(identity, { passiveAuth: report.passiveAuthentication.status, faceScore: result.value.score });
  };

  const pa = report?.passiveAuthentication;
  const paText = pa ? { passed: t('paPassed'), failed: `${t('paFailed')}${pa.dataGroup !== undefined ? ` (DG${pa.dataGroup})` : pa.check ? ` (${pa.check})` : ''}`, 'no-trusted-csca': t('paNoCsca') }[pa.status] : '';
  const faceText = face ? { match: t('faceMatch'), 'no-match': t('faceNoMatch'), 'no-face': t('faceNoFace'), 'liveness-failed': t('faceNoLiveness') }[face.decision] : '';

  return (
    <div className="card-identify" data-testid="card-identify">
      <div className="row">
        <span className={cardPresent ? 'badge ok' : 'badge'} data-testid="card-state">
          {cardPresent ? t('cardOnReader') : t('cardTapHint')}
        </span>
        {canOf(idNumber) === undefined ? (
          <label className="field">
            <span>{t('cardCan')}</span>
            <input name="card-can" inputMode="numeric" maxLength={6} value={typedCan} onChange={(e) => setTypedCan(e.target.value.replace(/\D/g, ''))} />
          </label>
        ) : null}
        <button type="button" onClick={() => void read()} disabled={!cardPresent || can === undefined || busy} data-testid="card-read">
          {t('cardRead')}
        </button>
        {progress ? <span className="muted">{progress}</span> : null}
      </div>
      {report ? (
        <div className="chip-result" data-testid="chip-result">
          {report.face?.dataUrl ? <img src={report.face.dataUrl} alt={t('chipPhoto')} height={120} data-testid="chip-photo" /> : <span className="muted">{report.face?.notShown ? failureText(report.face.notShown) : ''}</span>}
          <div>
            <div className={pa?.status === 'passed' ? 'ok' : pa?.status === 'failed' ? 'error' : 'warn'} data-testid="passive-auth">
              {t('paLabel')}: {paText}
            </div>
            <div className="muted">
              {report.access.method} · CA: {report.chipAuthentication.status} · AA: {report.activeAuthentication.status} · {Math.round(report.totalMs)} ms
            </div>
            <button type="button" onClick={() => void verifyFace()} disabled={busy} data-testid="face-verify">
              {t('faceVerify')}
            </button>
            {face ? (
              <div className={face.decision === 'match' ? 'ok' : 'error'} data-testid="face-result" data-decision={face.decision}>
                {faceText}
                {face.score !== undefined ? ` · ${t('faceScore')} ${(face.score * 100).toFixed(0)} % (${t('faceThreshold')} ${(face.scoreThreshold * 100).toFixed(0)} %)` : ''}
              </div>
            ) : null}
          </div>
          <video ref={video} muted playsInline width={160} height={120} className={cameraOn ? 'camera' : 'camera hidden'} />
        </div>
      ) : null}
      {problem ? (
        <span className="error" role="alert">
          {failureText(problem)}
        </span>
      ) : null}
    </div>
  );
}
