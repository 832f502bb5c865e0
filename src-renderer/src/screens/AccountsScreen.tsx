import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { officerRoles, roleLabels, type CredentialKind, type OfficerProfile, type OfficerRole } from '../../../src-shared/domain/officers';
import type { Failure } from '../../../src-shared/result';
import { useSession } from '../app/session';
import { useKioskStore } from '../app/store';
import { useFailureText, useText } from '../i18n/use-text';

/** A supervisor manages the Center's accounts: each officer their own, disabled rather than deleted. */
export function AccountsScreen() {
  const t = useText();
  const failureText = useFailureText();
  const language = useKioskStore((s) => s.settings?.language ?? 'vi');
  const { officers, officer: me } = useSession();
  const [list, setList] = useState<OfficerProfile[]>([]);
  const [draft, setDraft] = useState({ username: '', displayName: '', role: 'officer' as OfficerRole, kind: 'pin' as CredentialKind, secret: '' });
  const [failure, setFailure] = useState<Failure | undefined>();

  const reload = useCallback(async () => {
    if (officers) setList(await officers.listOfficers());
  }, [officers]);
  useEffect(() => {
    void reload();
  }, [reload]);

  if (!officers || !me) return null;
  if (me.role !== 'supervisor') return <p className="error">{t('supervisorOnly')}</p>;

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const result = await officers.createOfficer(me, { ...draft, username: draft.username.trim().toLowerCase() });
    setFailure(result.ok ? undefined : result.error);
    if (result.ok) setDraft({ ...draft, username: '', displayName: '', secret: '' });
    await reload();
  };
  const toggle = async (profile: OfficerProfile) => {
    const result = await officers.setActive(me, profile.id, !profile.active);
    setFailure(result.ok ? undefined : result.error);
    await reload();
  };

  return (
    <>
      <section className="panel">
        <h2>{t('accountsTitle')}</h2>
        <table className="skipped" data-testid="accounts">
          <tbody>
            {list.map((p) => (
              <tr key={p.id}>
                <td>{p.username}</td>
                <td>{p.displayName}</td>
                <td>{roleLabels[p.role][language]}</td>
                <td>{p.active ? t('active') : t('disabled')}</td>
                <td>
                  <button type="button" onClick={() => void toggle(p)}>
                    {p.active ? t('disable') : t('enable')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel">
        <h2>{t('newAccount')}</h2>
        <form className="form-grid" onSubmit={(e) => void create(e)}>
          <label className="field">
            <span>{t('username')}</span>
            <input name="new-username" value={draft.username} onChange={(e) => setDraft({ ...draft, username: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('fullName')}</span>
            <input name="new-displayName" value={draft.displayName} onChange={(e) => setDraft({ ...draft, displayName: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('role')}</span>
            <select name="new-role" value={draft.role} onChange={(e) => setDraft({ ...draft, role: officerRoles.find((r) => r === e.target.value) ?? 'officer' })}>
              {officerRoles.map((role) => (
                <option key={role} value={role}>
                  {roleLabels[role][language]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('secretKind')}</span>
            <select name="new-kind" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value === 'password' ? 'password' : 'pin' })}>
              <option value="pin">{t('pin')}</option>
              <option value="password">{t('password')}</option>
            </select>
          </label>
          <label className="field">
            <span>{t('passwordOrPin')}</span>
            <input name="new-secret" type="password" autoComplete="new-password" value={draft.secret} onChange={(e) => setDraft({ ...draft, secret: e.target.value })} />
          </label>
          <div className="actions">
            <button type="submit" className="primary">
              {t('createAccount')}
            </button>
            {failure ? <span className="error">{failureText(failure)}</span> : null}
          </div>
        </form>
      </section>
    </>
  );
}
