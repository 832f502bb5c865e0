/**
 * What to do with the papers, drawn: the scanner seen from the side, its feeder tray, and a sheet going in face
 * down, top edge first, with the document's name on it. Inline SVG: no file to load, scales with the reading aids.
 */
export function ScannerFeeder({ documentName }: { documentName: string }) {
  const label = documentName.length > 28 ? `${documentName.slice(0, 27)}…` : documentName;
  return (
    <svg className="ss-feeder-picture" viewBox="0 0 360 220" role="img" aria-label={`Đặt "${documentName}" úp mặt xuống vào khay nạp giấy / Put it face down in the feeder tray`}>
      {/* the scanner's body and its output tray */}
      <rect x="40" y="120" width="280" height="70" rx="14" fill="#d5dde8" stroke="#44566c" strokeWidth="3" />
      <rect x="60" y="190" width="240" height="10" rx="4" fill="#44566c" />
      <circle cx="290" cy="155" r="8" fill="#1d6b34" />
      {/* the feeder tray, sloping up and back */}
      <polygon points="90,120 270,120 300,60 120,60" fill="#eef2f7" stroke="#44566c" strokeWidth="3" />
      {/* the sheet: face down (its text shows through faintly), sliding in */}
      <g className="ss-feeder-sheet">
        <polygon points="115,112 255,112 280,30 140,30" fill="#ffffff" stroke="#1b5fa8" strokeWidth="3" />
        <line x1="150" y1="50" x2="255" y2="50" stroke="#9fb3c8" strokeWidth="3" />
        <line x1="146" y1="64" x2="250" y2="64" stroke="#9fb3c8" strokeWidth="3" />
        <line x1="142" y1="78" x2="246" y2="78" stroke="#9fb3c8" strokeWidth="3" />
      </g>
      {/* the arrow: in, top edge first */}
      <path d="M200 8 L200 26 M192 18 L200 27 L208 18" stroke="#1b5fa8" strokeWidth="4" fill="none" strokeLinecap="round" />
      <text x="180" y="214" textAnchor="middle" fontSize="15" fill="#0b2a4a">
        {label}
      </text>
    </svg>
  );
}
