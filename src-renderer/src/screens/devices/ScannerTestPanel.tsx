import { useEffect, useState } from 'react';
import type { KioskApi } from '../../../../src-shared/api/contract';
import type { ScannedDocumentDto } from '../../../../src-shared/api/scanner';
import type { Failure } from '../../../../src-shared/result';
import { useFailureText } from '../../i18n/use-text';

/**
 * The counter's document scanner, tested from the console: which scanner the host uses, and a quick scan (150 dpi,
 * no OCR, blank pages kept) whose pages and thumbnail show that paper goes through and images come back.
 */
export function ScannerTestPanel({ api }: { api: KioskApi | undefined }) {
  const failureText = useFailureText();
  const [scanner, setScanner] = useState<string>('');
  const [result, setResult] = useState<ScannedDocumentDto | undefined>();
  const [problem, setProblem] = useState<Failure | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!api) return;
    void api.call('scanner.list', {}).then((list) => {
      if (!list.ok) return setProblem(list.error);
      const chosen = list.value.scanners.find((s) => s.id === list.value.defaultId) ?? list.value.scanners[0];
      setScanner(chosen ? `${chosen.name} (${chosen.backend}${chosen.simulated ? ', mô phỏng / simulated' : ''})` : '—');
    });
  }, [api]);

  const test = async () => {
    if (!api) return;
    setBusy(true);
    const scanned = await api.call('scanner.scan', { document: 'Trang quét thử / Test scan', dpi: 150, ocr: false, blankPageRemoval: false, colour: 'grey' });
    setBusy(false);
    if (!scanned.ok) return setProblem(scanned.error);
    setProblem(undefined);
    setResult(scanned.value);
  };

  return (
    <section className="panel" data-testid="scanner-test">
      <h2>Máy quét của quầy / The counter's scanner</h2>
      <p>{scanner}</p>
      <button type="button" onClick={() => void test()} disabled={busy || !api} data-testid="scanner-test-button">
        {busy ? 'Đang quét… / Scanning…' : 'Quét thử / Test scan'}
      </button>
      {result ? (
        <p data-testid="scanner-test-result" data-pages={result.pageCount}>
          {result.pageCount} trang / pages · {Math.round(result.pdf.bytes / 1024)} KB{' '}
          {result.pages[0] ? <img src={`data:image/jpeg;base64,${result.pages[0].thumbnailJpegBase64}`} alt="Trang 1" height={80} /> : null}
        </p>
      ) : null}
      {problem ? <p className="error">{failureText(problem)}</p> : null}
    </section>
  );
}
