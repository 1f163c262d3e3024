import { LEAD_FIELDS, type ScrapeResult } from '@/lib/contracts';
import { Card } from '../ui/Card';
import { CopyButton } from '../ui/CopyButton';
import { useTranslate } from '../ui/use-translate';

/** The glass box: which fields Pulso read from the page, and which it could not find. */
export function FieldsCard({ scrape, reportStructure }: { scrape: ScrapeResult; reportStructure?: () => string }) {
  const t = useTranslate();
  const read = LEAD_FIELDS.filter((field) => {
    const value = scrape.fields[field];
    return value !== undefined && String(value).trim() !== '';
  });
  return (
    <Card title={t('panel.fieldsRead')} id="pulso-fields">
      <p className="text-sm" data-testid="pulso-fields-read">
        {read.length ? read.join(', ') : t('panel.none')}
      </p>
      <h4 className="mt-2 text-xs font-semibold text-slate-500">{t('panel.fieldsMissing')}</h4>
      <p className="text-sm" data-testid="pulso-fields-missing">
        {scrape.missing.length ? scrape.missing.join(', ') : t('panel.none')}
      </p>
      {reportStructure && scrape.missing.length > 0 && (
        <div className="mt-2">
          <CopyButton text={reportStructure} testId="pulso-report-structure" label={t('panel.reportStructure')} copiedLabel={t('panel.reportCopied')} />
        </div>
      )}
    </Card>
  );
}
