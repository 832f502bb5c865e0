import type { Failure } from '../../../src-shared/result';

/** A failure told to the citizen: Vietnamese first, the English line under it, announced to screen readers. */
export function ProblemNote({ problem, testId }: { problem: Failure | undefined; testId?: string }) {
  if (problem === undefined) return null;
  return (
    <p className="error ss-problem" role="alert" data-testid={testId} data-code={problem.code}>
      {problem.message}
      <br />
      <small>{problem.messageEn}</small>
    </p>
  );
}
