import { CopyButton } from './CopyButton';
import { unreadableLine } from './origin-line';
import { useTranslate } from './use-translate';

/**
 * The page did not give Pulso what it reads: which fields, and a one-click anonymised report of
 * the page's structure (lib/sites/page-skeleton.ts) for the admin to fix the selectors.
 */
export function CouldNotRead({ missing, report }: { missing: readonly string[]; report: () => string }) {
  const t = useTranslate();
  return (
    <div role="status" className="space-y-2 text-sm" data-testid="pulso-unreadable">
      <p className="font-medium text-amber-800" data-testid="pulso-unreadable-fields">
        {unreadableLine(missing, t)}
      </p>
      <p className="text-xs text-slate-600">{t('panel.unreadableHint')}</p>
      <CopyButton text={report} testId="pulso-report-structure" label={t('panel.reportStructure')} copiedLabel={t('panel.reportCopied')} />
    </div>
  );
}
