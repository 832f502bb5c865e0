/**
 * The machine working for the citizen (a scan of several pages takes longer than a touch) counts as activity for
 * the self-service session's one-minute idle end: the session listens for this event as it does for touches.
 */
export const selfServiceActivityEvent = 'motcua:self-service-activity';

export function signalActivity(): void {
  window.dispatchEvent(new Event(selfServiceActivityEvent));
}
