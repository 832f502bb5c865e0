import { useEffect, useState } from 'react';
import type { Failure, Result } from '../../../src-shared/result';
import { useFailureText } from '../i18n/use-text';

/**
 * Makes a file on demand (a form PDF, a CSV) and offers it as a download link: the kiosk window never navigates
 * away, and Electron's window.open is denied anyway.
 */
export function DownloadButton(props: { label: string; readyLabel: string; fileName: string; make: () => Promise<Result<Blob, Failure>>; testId?: string }) {
  const failureText = useFailureText();
  const [link, setLink] = useState<string | undefined>();
  const [failure, setFailure] = useState<Failure | undefined>();
  useEffect(() => () => (link ? URL.revokeObjectURL(link) : undefined), [link]);
  if (link) {
    return (
      <a className="button" href={link} download={props.fileName} data-testid={props.testId ? `${props.testId}-ready` : undefined}>
        {props.readyLabel}
      </a>
    );
  }
  const make = async () => {
    const made = await props.make();
    if (!made.ok) return setFailure(made.error);
    setLink(URL.createObjectURL(made.value));
  };
  return (
    <>
      <button type="button" onClick={() => void make()} data-testid={props.testId}>
        {props.label}
      </button>
      {failure ? <span className="error">{failureText(failure)}</span> : null}
    </>
  );
}
