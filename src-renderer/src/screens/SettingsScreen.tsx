import { useState, type FormEvent } from 'react';
import type { Settings } from '../../../src-shared/api/settings';
import type { Failure } from '../../../src-shared/result';
import { useKioskStore } from '../app/store';
import { useFailureText, useText } from '../i18n/use-text';
import { CatalogueImport } from './CatalogueImport';
import { SyncPanel } from '../sync/SyncPanel';

type Draft = {
  centerUnitId: string;
  centerName: string;
  centerSuperiorName: string;
  centerPlace: string;
  centerPhone: string;
  counterNumber: string;
  kioskSlot: string;
  morningStart: string;
  morningEnd: string;
  afternoonStart: string;
  afternoonEnd: string;
};

const toDraft = (s: Settings): Draft => ({
  centerUnitId: s.centerUnitId,
  centerName: s.centerName,
  centerSuperiorName: s.centerSuperiorName ?? '',
  centerPlace: s.centerPlace,
  centerPhone: s.centerPhone ?? '',
  counterNumber: String(s.counterNumber),
  kioskSlot: String(s.kioskSlot),
  morningStart: s.officeHours.sessions[0]?.opens ?? '07:00',
  morningEnd: s.officeHours.sessions[0]?.closes ?? '11:30',
  afternoonStart: s.officeHours.sessions[1]?.opens ?? '13:30',
  afternoonEnd: s.officeHours.sessions[1]?.closes ?? '17:00',
});

export function SettingsScreen() {
  const settings = useKioskStore((s) => s.settings);
  if (!settings) return null;
  // Keyed by the saved settings so the form restarts from what the host holds after each save.
  return (
    <>
      <SettingsForm key={JSON.stringify(settings)} settings={settings} />
      <CatalogueImport />
      <SyncPanel />
    </>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const t = useText();
  const failureText = useFailureText();
  const saveSettings = useKioskStore((s) => s.saveSettings);
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [outcome, setOutcome] = useState<{ failure?: Failure; saved?: boolean }>({});

  const field = (key: keyof Draft, label: string, type = 'text') => (
    <label className="field">
      <span>{label}</span>
      <input name={key} type={type} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
    </label>
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The host validates; the form only shapes the input, so the rules live in one place (the contract).
    const failure = await saveSettings({
      centerUnitId: draft.centerUnitId.trim(),
      centerName: draft.centerName.trim(),
      centerSuperiorName: draft.centerSuperiorName.trim(),
      centerPlace: draft.centerPlace.trim(),
      centerPhone: draft.centerPhone.trim(),
      counterNumber: Number(draft.counterNumber),
      kioskSlot: Number(draft.kioskSlot),
      officeHours: {
        sessions: [
          { opens: draft.morningStart, closes: draft.morningEnd },
          { opens: draft.afternoonStart, closes: draft.afternoonEnd },
        ],
      },
    });
    setOutcome(failure ? { failure } : { saved: true });
  };

  return (
    <section className="panel">
      <h2>{t('settingsTitle')}</h2>
      <form onSubmit={(e) => void submit(e)} className="form-grid">
        {field('centerName', t('centerName'))}
        {field('centerSuperiorName', t('centerSuperiorName'))}
        {field('centerPlace', t('centerPlace'))}
        {field('centerPhone', t('centerPhone'))}
        {field('centerUnitId', t('centerUnitId'))}
        {field('counterNumber', t('counterNumber'), 'number')}
        {field('kioskSlot', t('kioskSlot'), 'number')}
        <fieldset>
          <legend>{t('officeHours')}</legend>
          <div className="row">
            <span className="row-label">{t('morning')}</span>
            {field('morningStart', '', 'time')}
            {field('morningEnd', '', 'time')}
          </div>
          <div className="row">
            <span className="row-label">{t('afternoon')}</span>
            {field('afternoonStart', '', 'time')}
            {field('afternoonEnd', '', 'time')}
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary">
            {t('save')}
          </button>
          <span role="status" aria-live="polite">
            {outcome.failure ? <span className="error">{failureText(outcome.failure)}</span> : outcome.saved ? <span className="success">{t('saved')}</span> : null}
          </span>
        </div>
      </form>
    </section>
  );
}
