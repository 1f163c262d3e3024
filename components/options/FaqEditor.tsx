import { usePageTranslate } from '../ui/use-page-translate';
import { BUTTON, TextField } from './fields';

/** The FAQ the reply drafts may quote: question and answer pairs. */
export function FaqEditor({ faq, onChange, errors }: { faq: { q: string; a: string }[]; onChange: (faq: { q: string; a: string }[]) => void; errors: (path: string) => string | undefined }) {
  const t = usePageTranslate();
  const set = (index: number, patch: Partial<{ q: string; a: string }>) => onChange(faq.map((entry, i) => (i === index ? { ...entry, ...patch } : entry)));
  return (
    <fieldset data-testid="faq">
      <legend className="mb-1 text-sm font-medium text-slate-700">{t('options.profile.faq')}</legend>
      <ol className="space-y-3">
        {faq.map((entry, index) => (
          <li key={index} className="space-y-1 rounded-md border border-slate-200 p-2">
            <TextField label={t('options.faq.question', { n: index + 1 })} value={entry.q} onChange={(q) => set(index, { q })} error={errors(`${index}.q`)} />
            <TextField label={t('options.faq.answer', { n: index + 1 })} value={entry.a} onChange={(a) => set(index, { a })} error={errors(`${index}.a`)} multiline />
            <button type="button" className={BUTTON} onClick={() => onChange(faq.filter((_, i) => i !== index))}>
              {t('options.faq.remove', { n: index + 1 })}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className={`${BUTTON} mt-2`} onClick={() => onChange([...faq, { q: '', a: '' }])}>
        {t('options.faq.add')}
      </button>
    </fieldset>
  );
}
