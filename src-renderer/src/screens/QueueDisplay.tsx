import { useEffect, useRef, useState } from 'react';
import type { CalledTicket } from '../../../src-shared/api/queue';
import { useKioskStore } from '../app/store';
import { speak } from '../app/tickets';
import { createDisplayFollower } from '../queue/display-calls';
import { centerClientFor } from '../queue/queue-service';

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

/** How often a display following the Center asks for the last calls. */
const pollMs = 3000;
const shownCalls = 12;

function announce(calls: readonly CalledTicket[]): void {
  if (calls.length === 0) return;
  chime();
  window.setTimeout(() => calls.forEach((call) => speak(`Xin mời số ${digits(call.ticketNumber)} đến quầy số ${call.counter}`, 'vi')), 800);
}

/**
 * The waiting room's screen (open `#/display` on a second monitor or any browser on this machine): the number
 * just called and the counter, large, with the last calls beside it; a chime and the spoken call. It shows
 * numbers and counters only, never a name, and needs no sign-in. On an enrolled kiosk it follows the Center's
 * calls (every counter's); while the Center does not answer, only the calls of this host's counters, and says so.
 */
export function QueueDisplay() {
  const api = useKioskStore((s) => s.api);
  const settings = useKioskStore((s) => s.settings);
  const centerName = settings?.centerName ?? '';
  const [calls, setCalls] = useState<CalledTicket[]>([]);
  /** 'center' while the Center answers; 'host' after it did not (an enrolled kiosk shows a note then). */
  const [following, setFollowing] = useState<'center' | 'host' | undefined>();
  const [follower] = useState(createDisplayFollower);
  const mode = useRef<'center' | 'host' | undefined>(undefined);

  useEffect(() => {
    if (!api) return;
    void api.call('queue.recentCalls', {}).then((recent) => recent.ok && mode.current !== 'center' && setCalls(recent.value));
    return api.on('queue.called', (call) => {
      follower.announcedByHost(call, Date.now());
      setCalls((shown) => [call, ...shown.filter((c) => !(c.ticketNumber === call.ticketNumber && c.counter === call.counter))].slice(0, shownCalls));
      announce([call]);
    });
  }, [api, follower]);

  useEffect(() => {
    const center = centerClientFor(api, () => settings);
    if (!api || !center) return;
    let stopped = false;
    let timer: number | undefined;
    const poll = async () => {
      const answer = await center.queue();
      if (stopped) return;
      if (answer?.ok) {
        mode.current = 'center';
        const { shown, announce: fresh } = follower.fromCenter(answer.value, Date.now());
        setCalls(shown);
        announce(fresh);
      } else if (mode.current !== 'host') {
        // The Center's list no longer grows: back to what this host's counters announced.
        mode.current = 'host';
        const recent = await api.call('queue.recentCalls', {});
        if (!stopped && recent.ok) setCalls(recent.value);
      }
      setFollowing(mode.current);
      timer = window.setTimeout(() => void poll(), pollMs);
    };
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [api, settings, follower]);

  const [now, ...earlier] = calls;
  return (
    <main className="queue-display" data-testid="queue-display">
      <header>
        {centerName}
        {following === 'host' ? (
          <small data-testid="display-local-only" style={{ display: 'block', fontSize: '1rem', fontWeight: 400, opacity: 0.8 }}>
            Hàng đợi của máy này (chưa kết nối máy chủ Trung tâm) / This kiosk&apos;s queue only (Center server unreachable)
          </small>
        ) : null}
      </header>
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
