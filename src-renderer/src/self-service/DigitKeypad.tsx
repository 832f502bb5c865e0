import { useState, type ReactNode } from 'react';

const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '⌫', '0', 'OK'] as const;

/**
 * Big digit keys for a fixed number of digits: every step of the self-service point works without a keyboard.
 * The caller draws what was typed (`display`); OK is on only when all the digits are in.
 */
export function DigitKeypad({
  length,
  onDone,
  display,
  testIdPrefix,
  okLabel,
}: {
  length: number;
  onDone: (digits: string) => void;
  display: (digits: string) => ReactNode;
  testIdPrefix: string;
  okLabel?: string;
}) {
  const [digits, setDigits] = useState('');
  const complete = digits.length === length;
  const press = (key: (typeof keys)[number]) => {
    if (key === '⌫') return setDigits((d) => d.slice(0, -1));
    if (key === 'OK') return complete ? onDone(digits) : undefined;
    setDigits((d) => (d.length < length ? d + key : d));
  };
  return (
    <div className="ss-keypad">
      {display(digits)}
      <div className="ss-keys">
        {keys.map((key) => (
          <button
            key={key}
            type="button"
            className={key === 'OK' ? 'ss-key ok' : 'ss-key'}
            disabled={key === 'OK' && !complete}
            onClick={() => press(key)}
            aria-label={key === '⌫' ? 'Xoá / Delete' : key === 'OK' ? (okLabel ?? 'OK') : key}
            data-testid={`${testIdPrefix}-${key === '⌫' ? 'back' : key}`}
          >
            {key}
          </button>
        ))}
      </div>
    </div>
  );
}
