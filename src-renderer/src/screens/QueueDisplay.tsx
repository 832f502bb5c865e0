import { useEffect, useState } from 'react';
import type { CalledTicket } from '../../../src-shared/api/queue';
import { useKioskStore } from '../app/store';
import { speak } from '../app/tickets';

/** Two short tones before the announcement, so heads turn to the screen before the voice starts. */
function chime(): void {
  const AudioCtor = globalThis.AudioContext as typeof AudioContext | undefined;
  if (!AudioCtor) return;
  const context = new AudioCtor();
  [880, 660].forEach((frequency, i) => {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.2, context.currentTime + i * 0.35);
    gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + i * 0.35 + 0.3);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(context.currentTime + i * 0.35);
    oscillator.stop(context.currentTime + i * 0.35 + 0.32);
  });
  window.setTimeout(() => void context.close(), 1200);
}

const digits = (ticketNumber: string): string => ticketNumber.split('').join(' ');

/**
 * The waiting room's screen (open `#/display` on a second monitor or any browser on this machine): the number
 * just called and the counter, large, with the last calls beside it; a chime and the spoken call. It shows
 * numbers and counters only, never a name, and needs no sign-in.
 */
export function QueueDisplay() {
  const api = useKioskStore((s) => s.api);
  const centerName = useKioskStore((s) => s.settings?.centerName ?? '');
  const [calls, setCalls] = useState<CalledTicket[]>([]);

  useEffect(() => {
    if (!api) return;
    void api.call('queue.recentCalls', {}).then((recent) => recent.ok && setCalls(recent.value));
    return api.on('queue.called', (call) => {
      setCalls((shown) => [call, ...shown.filter((c) => !(c.ticketNumber === call.ticketNumber && c.counter === call.counter))].slice(0, 12));
      chime();
      window.setTimeout(() => speak(`Xin mời số ${digits(call.ticketNumber)} đến quầy số ${call.counter}`, 'vi'), 800);
    });
  }, [api]);

  const [now, ...earlier] = calls;
  return (
    <main className="queue-display" data-testid="queue-display">
      <header>{centerName}</header>
      <section className="called-now" aria-live="assertive">
        {now ? (
          <>
            <div className="label">Xin mời số / Now serving</div>
            <div className="number" data-testid="display-number">
              {now.ticketNumber}
            </div>
            <div className="counter" data-testid="display-counter">
              Quầy / Counter {now.counter}
            </div>
          </>
        ) : (
          <div className="label">Chưa gọi số nào / No number called yet</div>
        )}
      </section>
      <ol className="called-before" data-testid="display-history">
        {earlier.map((call) => (
          <li key={`${call.ticketNumber}/${call.counter}/${call.calledAt}`}>
            <span className="number">{call.ticketNumber}</span> → <span>Quầy {call.counter}</span>
          </li>
        ))}
      </ol>
    </main>
  );
}
