import { useEffect, useState } from 'react';
import type { Failure, Result } from '../../../../src-shared/result';
import { useFailureText } from '../../i18n/use-text';

export type HostFile = { readonly fileName: string; readonly mimeType: string; readonly content: string };

/**
 * A file the host makes (profile, support bundle), offered as a download link. Unlike DownloadButton the host
 * names the file, so the name is known only once it is made.
 */
export function HostFileDownload(props: { label: string; readyLabel: string; make: () => Promise<Result<HostFile, Failure>>; testId: string }) {
  const failureText = useFailureText();
  const [file, setFile] = useState<{ url: string; name: string } | undefined>();
  const [failure, setFailure] = useState<Failure | undefined>();
  useEffect(() => () => (file ? URL.revokeObjectURL(file.url) : undefined), [file]);
  const make = async () => {
    const made = await props.make();
    if (!made.ok) return setFailure(made.error);
    setFailure(undefined);
    setFile({ url: URL.createObjectURL(new Blob([made.value.content], { type: made.value.mimeType })), name: made.value.fileName });
  };
  return (
    <span className="actions">
      <button type="button" onClick={() => void make()} data-testid={props.testId}>
        {props.label}
      </button>
      {file ? (
        <a className="button" href={file.url} download={file.name} data-testid={`${props.testId}-ready`}>
          {props.readyLabel}
        </a>
      ) : null}
      {failure ? <span className="error">{failureText(failure)}</span> : null}
    </span>
  );
}
