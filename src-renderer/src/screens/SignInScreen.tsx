import { useState, type FormEvent } from 'react';
import type { CredentialKind } from '../../../src-shared/domain/officers';
import type { Failure } from '../../../src-shared/result';
import { startSession, useSession } from '../app/session';
import { useFailureText, useText } from '../i18n/use-text';

/** Sign-in, or on a fresh install the creation of the first supervisor account. */
export function SignInScreen() {
  const t = useText();
  const failureText = useFailureText();
  const { officers, needsFirstSupervisor } = useSession();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [secret, setSecret] = useState('');
  const [kind, setKind] = useState<CredentialKind>('password');
  const [failure, setFailure] = useState<Failure | undefined>();
  const [busy, setBusy] = useState(false);

  if (!officers || needsFirstSupervisor === undefined) return <p className="muted">{t('loading')}</p>;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = needsFirstSupervisor ? await officers.createFirstSupervisor({ username: username.trim().toLowerCase(), displayName, kind, secret }) : await officers.signIn(username, secret);
    setBusy(false);
    setSecret('');
    if (result.ok) startSession(result.value);
    else setFailure(result.error);
  };

  return (
    <section className="panel sign-in" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{needsFirstSupervisor ? t('firstSupervisorTitle') : t('signInTitle')}</h2>
      {needsFirstSupervisor ? <p className="muted">{t('firstSupervisorHint')}</p> : null}
      <form className="form-grid" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('username')}</span>
          <input name="username" autoComplete="username" autoFocus value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        {needsFirstSupervisor ? (
          <>
            <label className="field">
              <span>{t('fullName')}</span>
              <input name="displayName" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
            </label>
            <label className="field">
              <span>{t('secretKind')}</span>
              <select name="kind" value={kind} onChange={(e) => setKind(e.target.value === 'pin' ? 'pin' : 'password')}>
                <option value="password">{t('password')}</option>
                <option value="pin">{t('pin')}</option>
              </select>
            </label>
          </>
        ) : null}
        <label className="field">
          <span>{t('passwordOrPin')}</span>
          <input name="secret" type="password" autoComplete={needsFirstSupervisor ? 'new-password' : 'current-password'} value={secret} onChange={(e) => setSecret(e.target.value)} />
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {needsFirstSupervisor ? t('createAccount') : t('signIn')}
          </button>
          {failure ? (
            <span className="error" role="alert">
              {failureText(failure)}
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
}
