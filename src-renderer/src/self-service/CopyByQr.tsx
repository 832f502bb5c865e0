import { useState } from 'react';
import QRCode from 'qrcode';
import { formatInstant } from '../../../src-shared/domain/calendar';
import { createCitizenDocumentsClient } from '../../../src-shared/sync/citizen-documents-client';
import { failure, type Failure } from '../../../src-shared/result';
import { useKioskStore } from '../app/store';
import { relayTransport, syncCredentialsOf } from '../sync/sync-service';
import { ProblemNote } from './ProblemNote';

const notConnected = failure(
  'self-service.copy-needs-center',
  'Điểm này chưa kết nối máy chủ của Trung tâm nên chưa lấy được bản sao. Cán bộ vẫn nhận được giấy tờ khi máy kết nối lại.',
  'This point is not connected to the Center’s server, so no copy can be made now. The officer still gets the documents once it reconnects.',
);

/**
 * The citizen's copy: a QR of a two-hour link on the Center's server, opened with the phone on the Center's
 * Wi-Fi (a citizen without one prints the list instead: PrintKeptList). The link is made only when the citizen asks,
 * and disappears with the session.
 */
export function CopyByQr({ citizenId, documentIds }: { citizenId: string; documentIds: readonly string[] }) {
  const api = useKioskStore((s) => s.api);
  const settings = useKioskStore((s) => s.settings);
  const [copy, setCopy] = useState<{ qr: string; expiresAt: number } | undefined>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Failure | undefined>();

  const make = async () => {
    if (!api) return;
    setBusy(true);
    const client = createCitizenDocumentsClient(relayTransport(api), () => syncCredentialsOf(settings));
    const link = await client.copyLink(citizenId, documentIds);
    setBusy(false);
    if (link === null) return setProblem(notConnected);
    if (!link.ok) return setProblem(link.error);
    setProblem(undefined);
    setCopy({ qr: await QRCode.toDataURL(link.value.url, { margin: 2, width: 300 }), expiresAt: link.value.expiresAt });
  };

  if (copy) {
    return (
      <div className="ss-copy" data-testid="ss-copy">
        <img src={copy.qr} alt="Mã QR tải bản sao / QR code to download the copy" width={300} data-testid="ss-copy-qr" />
        <p>
          Dùng điện thoại kết nối Wi-Fi của Trung tâm, quét mã để tải bản sao (PDF). Mã dùng được đến {formatInstant(copy.expiresAt).slice(11, 16)}.
          <br />
          <small>With your phone on the Center’s Wi-Fi, scan the code to download the copy (PDF). It works until {formatInstant(copy.expiresAt).slice(11, 16)}.</small>
        </p>
      </div>
    );
  }
  return (
    <>
      <button type="button" className="ss-big secondary" onClick={() => void make()} disabled={busy || !api} data-testid="ss-digitize-copy">
        Lấy bản sao về điện thoại (mã QR)
        <br />
        <small>Take a copy on your phone (QR code)</small>
      </button>
      <ProblemNote problem={problem} testId="ss-copy-problem" />
    </>
  );
}
