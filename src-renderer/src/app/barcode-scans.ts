import { useEffect, useRef } from 'react';
import { createKeyboardWedge } from '../../../src-shared/domain/citizens';

/**
 * A barcode scanner that types like a keyboard (keyboard wedge): its bursts, told from typing by their speed, go to
 * `onScan`, which answers whether it took the scan (then the scanner's Enter does nothing else). Keys typed into a
 * field are left to the field, which receives the text with every Vietnamese letter. Scans reach `onScan` while
 * `enabled`.
 *
 * The listener stays on for the component's life and reads `enabled` when a scan completes: an effect attached
 * only when `enabled` turns true runs after the screen is painted, and a citizen who scans the moment the screen
 * asks for it would lose the burst's first keys.
 */
export function useBarcodeScans(onScan: (text: string) => boolean, enabled = true): void {
  const latest = useRef({ onScan, enabled });
  latest.current = { onScan, enabled };
  useEffect(() => {
    const wedge = createKeyboardWedge();
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLSelectElement) return;
      const scanned = wedge.key(event.key, event.timeStamp);
      if (scanned !== undefined && latest.current.enabled && latest.current.onScan(scanned)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
