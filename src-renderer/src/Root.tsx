import { App } from './App';
import { useKioskStore } from './app/store';
import { SelfServiceApp } from './self-service/SelfServiceApp';

/**
 * The host says what this kiosk is: a counter (officers sign in) or a citizens' self-service point. The host
 * enforces it too (self-service-policy.ts): this choice only decides which screens exist in the page.
 */
export function Root() {
  const kioskMode = useKioskStore((s) => s.systemInfo?.kioskMode);
  if (kioskMode === undefined) return <p className="muted">Đang kết nối… / Connecting…</p>;
  return kioskMode === 'self-service' ? <SelfServiceApp /> : <App />;
}
