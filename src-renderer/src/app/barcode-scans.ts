import { useEffect, useRef } from 'react';
import { createKeyboardWedge } from '../../../src-shared/domain/citizens';

/**
 * A barcode scanner that types like a keyboard (keyboard wedge): its bursts, told from typing by their speed, go to
 * `onScan`, which answers whether it took the scan (then the scanner's Enter does nothing else). Keys typed into a
 * field are left to the field, which receives the text with every Vietnamese letter. Active while `enabled`.
 */
export function useBarcodeScans(onScan: (text: string) => boolean, enabled = true): void {
  const latest = useRef(onScan);
  latest.current = onScan;
  useEffect(() => {
    if (!enabled) return;
    const wedge = createKeyboardWedge();
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLSelectElement) return;
      const scanned = wedge.key(event.key, event.timeStamp);
      if (scanned !== undefined && latest.current(scanned)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}
