import { useMemo } from 'react';
import { describeProfile, type ProfileUnderstanding } from '@/lib/rules';
import { usePageTranslate } from '../ui/use-page-translate';
import { validateDraft, type ProfileDraft } from './profile-draft';

/**
 * What the rules understood of the profile being edited (issue 14, item 1): each service's name
 * and key terms, the industries, sizes and places read from the fields or the audience prose.
 * An admin sees at once when "Respaldo de datos: …" became the service "Respaldo de datos".
 */
export function understandDraft(draft: ProfileDraft): ProfileUnderstanding | undefined {
  const result = validateDraft(draft);
  return result.ok ? describeProfile(result.profile) : undefined;
}

export function ProfileUnderstood({ draft }: { draft: ProfileDraft }) {
  const t = usePageTranslate();
  const understood = useMemo(() => understandDraft(draft), [draft]);
  if (!understood || (understood.services.length === 0 && understood.industries.length === 0 && !understood.sizes && !understood.places)) return null;
  const industries = understood.industries.length
    ? `${understood.industries.join(', ')}${understood.industriesFrom === 'audience' ? ` (${t(understood.industriesAreExamples ? 'options.understood.fromAudienceExamples' : 'options.understood.fromAudience')})` : ''}`
    : t('options.understood.any');
  return (
    <section aria-labelledby="pulso-understood" className="rounded border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="profile-understood">
      <h3 id="pulso-understood" className="font-medium text-slate-700">
        {t('options.understood.title')}
      </h3>
      <ul className="mt-1 space-y-0.5 text-slate-700">
        {understood.services.map((s) => (
          <li key={s.name}>
            <strong>{s.name}</strong>
            {s.terms.length ? ` — ${s.terms.join(', ')}` : ''}
          </li>
        ))}
      </ul>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-2 text-slate-600">
        <dt>{t('options.understood.industries')}</dt>
        <dd>{industries}</dd>
        <dt>{t('options.understood.sizes')}</dt>
        <dd>{understood.sizes || t('options.understood.any')}</dd>
        <dt>{t('options.understood.places')}</dt>
        <dd>{understood.places || t('options.understood.any')}</dd>
      </dl>
    </section>
  );
}
