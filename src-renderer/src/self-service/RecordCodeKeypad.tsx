import { DigitKeypad } from './DigitKeypad';

const dayDigits = 6;
const numberDigits = 4;

/**
 * The record code `{unit}-{yyMMdd}-{NNNN}` on big keys: the unit is this Center's and is filled in, so the citizen
 * types only the 10 digits after it on the receipt (day, then number). A receipt of another Center is read by its QR.
 */
export function RecordCodeKeypad({ unitId, onDone }: { unitId: string; onDone: (code: string) => void }) {
  return (
    <DigitKeypad
      length={dayDigits + numberDigits}
      onDone={(digits) => onDone(`${unitId}-${digits.slice(0, dayDigits)}-${digits.slice(dayDigits)}`)}
      testIdPrefix="ss-code-key"
      okLabel="Tra cứu / Look up"
      display={(digits) => {
        const shown = digits.padEnd(dayDigits + numberDigits, '_');
        return (
          <>
            <div className="ss-code-unit">{unitId} –</div>
            <div className="ss-can ss-code" data-testid="ss-code" aria-live="polite">
              <span title="Ngày trên giấy hẹn (năm tháng ngày) / Day on the receipt (yyMMdd)">{shown.slice(0, dayDigits)}</span>
              <span className="ss-code-dash">–</span>
              <span title="Số hồ sơ / File number">{shown.slice(dayDigits)}</span>
            </div>
            <div className="ss-code-hint">
              <span>Ngày (6 số) / Day</span>
              <span>Số (4 số) / Number</span>
            </div>
          </>
        );
      }}
    />
  );
}
