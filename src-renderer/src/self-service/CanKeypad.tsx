import { useState } from 'react';

/** Six digits with big keys: every step of the self-service point works without a keyboard. */
export function CanKeypad({ onDone }: { onDone: (can: string) => void }) {
  const [digits, setDigits] = useState('');
  const press = (key: string) => {
    if (key === '⌫') return setDigits((d) => d.slice(0, -1));
    if (key === 'OK') return digits.length === 6 ? onDone(digits) : undefined;
    setDigits((d) => (d.length < 6 ? d + key : d));
  };
  return (
    <div className="ss-keypad">
      <div className="ss-can" data-testid="ss-can" aria-live="polite">
        {digits.padEnd(6, '_').split('').join(' ')}
      </div>
      <div className="ss-keys">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9', '⌫', '0', 'OK'].map((key) => (
          <button key={key} type="button" className={key === 'OK' ? 'ss-key ok' : 'ss-key'} disabled={key === 'OK' && digits.length !== 6} onClick={() => press(key)} data-testid={`ss-key-${key === '⌫' ? 'back' : key}`}>
            {key}
          </button>
        ))}
      </div>
    </div>
  );
}
