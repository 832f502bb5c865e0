import { useState } from 'react';
import type { Failure } from '../../../src-shared/result';
import { useKioskStore } from '../app/store';
import type { KeptListSlip } from './digitize-flow';
import { ProblemNote } from './ProblemNote';

/**
 * The list of kept documents on the point's ticket printer, for a citizen without a phone (or without the Center's
 * Wi-Fi): what the officer will find, and what to bring on paper. Works offline: it needs only the printer.
 */
export function PrintKeptList({ slip }: { slip: KeptListSlip | undefined }) {
  const api = useKioskStore((s) => s.api);
  const [state, setState] = useState<'ready' | 'printing' | 'printed'>('ready');
  const [problem, setProblem] = useState<Failure | undefined>();

  const print = async () => {
    if (!api || !slip) return;
    setState('printing');
    const printed = await api.call('printer.print', { slip });
    if (!printed.ok) {
      setState('ready');
      return setProblem(printed.error);
    }
    setProblem(undefined);
    setState('printed');
  };

  if (state === 'printed') {
    return (
      <p data-testid="ss-list-printed">
        Danh sách đang được in, mời lấy ở khe máy in.
        <br />
        <small>The list is printing: take it from the printer.</small>
      </p>
    );
  }
  return (
    <>
      <button type="button" className="ss-big secondary" onClick={() => void print()} disabled={!api || !slip || state === 'printing'} data-testid="ss-print-list">
        In danh sách giấy tờ
        <br />
        <small>Print the list of documents</small>
      </button>
      <ProblemNote problem={problem} testId="ss-print-list-problem" />
    </>
  );
}
