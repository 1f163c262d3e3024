import { useId, useState } from 'react';
import { PRIORITIES, type CompanyProfile } from '@/lib/contracts';
import { exportProfileJson, importProfileJson } from '@/lib/profile/profile-json';
import { requestTeamProfilePublish, requestTeamProfilePull } from '@/lib/messaging';
import { writeProfile, type TeamProfileCache } from '@/lib/profile/stored';
import { Card } from '../ui/Card';
import { usePageTranslate } from '../ui/use-page-translate';
import { CampaignTemplatesEditor } from './CampaignTemplatesEditor';
import { CatalogImport } from './CatalogImport';
import { FaqEditor } from './FaqEditor';
import { BUTTON, ListEditor, PRIMARY, StatusMessage, TextField, type Status } from './fields';
import { draftFromProfile, validateDraft, type ProfileDraft } from './profile-draft';
import { ProfileUnderstood } from './ProfileUnderstood';

/** The company profile editor, its JSON import / export, saving here and publishing to the team. */
export function ProfileSection({ initial, team }: { initial: CompanyProfile; team?: TeamProfileCache }) {
  const t = usePageTranslate();
  const importId = useId();
  const [draft, setDraft] = useState<ProfileDraft>(() => draftFromProfile(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  const [teamVersion, setTeamVersion] = useState(team?.source === 'published' ? team.version : undefined);

  const err = (path: string) => errors[path];
  const under = (prefix: string) => (path: string) => errors[path ? `${prefix}.${path}` : prefix];
  const edit = (patch: Partial<ProfileDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const TEMPLATES = 'campaignTemplates.segments.';
  const templateErrors = Object.fromEntries(Object.entries(errors).flatMap(([path, message]) => (path.startsWith(TEMPLATES) ? [[path.slice(TEMPLATES.length), message]] : [])));

  function validated(): CompanyProfile | undefined {
    const result = validateDraft(draft);
    if (result.ok) {
      setErrors({});
      return result.profile;
    }
    setErrors(result.errors);
    setStatus({ kind: 'error', text: t('options.profile.invalid', { count: Object.keys(result.errors).length }), lines: Object.entries(result.errors).map(([path, message]) => `${path}: ${message}`) });
    return undefined;
  }

  async function save() {
    const profile = validated();
    if (!profile) return;
    setBusy(true);
    try {
      await writeProfile(profile);
      setDraft(draftFromProfile(profile));
      // Saving also refreshes the team copy, so this browser shows what the team uses.
      await requestTeamProfilePull().catch(() => undefined);
      setStatus({ kind: 'ok', text: t('options.profile.saved') });
    } finally {
      setBusy(false);
    }
  }

  async function publish() {
    const profile = validated();
    if (!profile) return;
    setBusy(true);
    setStatus({ kind: 'info', text: t('options.publish.publishing') });
    try {
      await writeProfile(profile);
      const answer = await requestTeamProfilePublish({ profile });
      setTeamVersion(answer.version);
      setStatus({ kind: 'ok', text: t('options.publish.done', { version: answer.version }) });
    } catch (error) {
      setStatus({ kind: 'error', text: t('options.publish.failed', { message: (error as Error).message }) });
    } finally {
      setBusy(false);
    }
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    const result = importProfileJson(await file.text());
    if (!result.ok) {
      // Nothing is applied: the form keeps what it had.
      setStatus({ kind: 'error', text: t('options.import.invalid', { count: result.problems.length }), lines: result.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)) });
      return;
    }
    setDraft(draftFromProfile(result.profile));
    setErrors({});
    setStatus({ kind: 'info', text: t('options.import.done') });
  }

  function exportFile() {
    const result = validateDraft(draft);
    const profile = result.ok ? result.profile : initial;
    const url = URL.createObjectURL(new Blob([exportProfileJson(profile)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'pulso-profile.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  }

  return (
    <Card title={t('options.profile.title')} id="options-profile">
      <form
        className="space-y-4"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <TextField label={t('options.profile.name')} value={draft.name} onChange={(name) => edit({ name })} error={err('name')} testId="profile-name" />
        <TextField label={t('options.profile.description')} value={draft.description} onChange={(description) => edit({ description })} error={err('description')} multiline />
        <ListEditor
          label={t('options.profile.services')}
          itemLabel={(i) => t('options.profile.service', { n: i + 1 })}
          addLabel={t('options.profile.addService')}
          items={draft.services}
          onChange={(services) => edit({ services })}
          errors={under('services')}
          testId="profile-services"
        />
        <TextField label={t('options.profile.targetAudience')} value={draft.targetAudience} onChange={(targetAudience) => edit({ targetAudience })} error={err('targetAudience')} multiline />
        <ListEditor
          label={t('options.profile.targetIndustries')}
          itemLabel={(i) => t('options.profile.industry', { n: i + 1 })}
          addLabel={t('options.profile.addIndustry')}
          items={draft.targetIndustries}
          onChange={(targetIndustries) => edit({ targetIndustries })}
          errors={under('targetIndustries')}
          testId="profile-industries"
        />
        <ProfileUnderstood draft={draft} />
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-700">{t('options.profile.sla')}</legend>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
            {PRIORITIES.map((p) => (
              <TextField
                key={p}
                label={t('options.profile.slaFor', { priority: p })}
                value={draft.slaHours[p]}
                inputMode="decimal"
                onChange={(value) => edit({ slaHours: { ...draft.slaHours, [p]: value } })}
                error={err(`slaHours.${p}`) ?? err('slaHours')}
                testId={`sla-${p}`}
              />
            ))}
          </div>
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium text-slate-700">{t('options.profile.replyPolicy')}</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            <TextField label={t('options.reply.tone')} value={draft.replyPolicy.tone} onChange={(tone) => edit({ replyPolicy: { ...draft.replyPolicy, tone } })} error={err('replyPolicy.tone')} />
            <TextField label={t('options.reply.language')} hint={t('options.reply.languageHint')} value={draft.replyPolicy.language} onChange={(language) => edit({ replyPolicy: { ...draft.replyPolicy, language } })} error={err('replyPolicy.language')} />
            <TextField label={t('options.reply.maxWords')} inputMode="numeric" value={draft.replyPolicy.maxWords} onChange={(maxWords) => edit({ replyPolicy: { ...draft.replyPolicy, maxWords } })} error={err('replyPolicy.maxWords')} testId="reply-max-words" />
            <TextField label={t('options.reply.maxCompensation')} inputMode="decimal" value={draft.replyPolicy.maxCompensation} onChange={(maxCompensation) => edit({ replyPolicy: { ...draft.replyPolicy, maxCompensation } })} error={err('replyPolicy.maxCompensation')} />
          </div>
          <TextField label={t('options.reply.signature')} value={draft.replyPolicy.signature} onChange={(signature) => edit({ replyPolicy: { ...draft.replyPolicy, signature } })} error={err('replyPolicy.signature')} multiline />
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium text-slate-700">{t('options.profile.knowledge')}</legend>
          <TextField label={t('options.profile.hours')} value={draft.hours} onChange={(hours) => edit({ hours })} error={err('hours')} />
          <TextField label={t('options.profile.location')} value={draft.location} onChange={(location) => edit({ location })} error={err('location')} />
          <FaqEditor faq={draft.faq} onChange={(faq) => edit({ faq })} errors={under('faq')} />
          <CatalogImport catalog={draft.catalog} onApply={(catalog) => edit({ catalog })} />
        </fieldset>
        <CampaignTemplatesEditor value={draft.campaignTemplates} onChange={(campaignTemplates) => edit({ campaignTemplates })} errors={templateErrors} />

        <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-3">
          <button type="submit" className={PRIMARY} disabled={busy} data-testid="profile-save">
            {t('options.profile.save')}
          </button>
          <button type="button" className={PRIMARY} disabled={busy} onClick={() => void publish()} data-testid="profile-publish">
            {t('options.publish.button')}
          </button>
          <button type="button" className={BUTTON} onClick={exportFile} data-testid="profile-export">
            {t('options.export.button')}
          </button>
          <label htmlFor={importId} className={`${BUTTON} cursor-pointer focus-within:outline-2 focus-within:outline-indigo-600`}>
            {t('options.import.button')}
            <input id={importId} type="file" accept=".json,application/json" className="sr-only" data-testid="profile-import" onChange={(event) => void importFile(event.target.files?.[0])} />
          </label>
        </div>
        <p className="text-xs text-slate-600" data-testid="team-version">
          {teamVersion ? t('options.publish.current', { version: teamVersion }) : t('options.publish.none')}
        </p>
        <StatusMessage status={status} testId="profile-status" />
      </form>
    </Card>
  );
}
