import { DigitKeypad } from './DigitKeypad';

/** The card's 6-digit CAN on big keys. */
export function CanKeypad({ onDone }: { onDone: (can: string) => void }) {
  return (
    <DigitKeypad
      length={6}
      onDone={onDone}
      testIdPrefix="ss-key"
      display={(digits) => (
        <div className="ss-can" data-testid="ss-can" aria-live="polite">
          {digits.padEnd(6, '_').split('').join(' ')}
        </div>
      )}
    />
  );
}
