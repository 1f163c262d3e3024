import { useId, useState } from 'react';
import { importCatalogCsv, type CatalogImport as CatalogImportResult } from '@/lib/profile/catalog-csv';
import type { CompanyProfile } from '@/lib/contracts';
import { usePageTranslate } from '../ui/use-page-translate';
import { BUTTON, StatusMessage } from './fields';

const PREVIEW_ROWS = 20;

/** Catalog from a CSV: a preview of the rows and every row error; applied only when there is none. */
export function CatalogImport({ catalog, onApply }: { catalog: CompanyProfile['catalog']; onApply: (items: CompanyProfile['catalog']) => void }) {
  const t = usePageTranslate();
  const id = useId();
  const [pending, setPending] = useState<CatalogImportResult>();

  async function onFile(file: File | undefined) {
    if (!file) return;
    setPending(importCatalogCsv(await file.text()));
  }

  return (
    <div className="space-y-2" data-testid="catalog">
      <p className="text-sm text-slate-700" data-testid="catalog-count">
        {t('options.catalog.count', { count: catalog.length })}
      </p>
      <div>
        <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
          {t('options.catalog.import')}
        </label>
        <input id={id} type="file" accept=".csv,text/csv" data-testid="catalog-file" className="text-sm" onChange={(event) => void onFile(event.target.files?.[0])} />
        <p className="mt-1 text-xs text-slate-600">{t('options.catalog.hint')}</p>
      </div>
      {pending && pending.errors.length > 0 && (
        <StatusMessage
          testId="catalog-errors"
          status={{
            kind: 'error',
            text: t('options.catalog.errors', { count: pending.errors.length }),
            lines: pending.errors.map((e) => t('options.catalog.rowError', { line: e.line, message: e.message })),
          }}
        />
      )}
      {pending && pending.items.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="catalog-preview">
            <caption className="mb-1 text-left text-xs text-slate-600">{t('options.catalog.preview', { shown: Math.min(PREVIEW_ROWS, pending.items.length), count: pending.items.length })}</caption>
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-1 pr-2">{t('options.catalog.sku')}</th>
                <th scope="col" className="py-1 pr-2">{t('options.catalog.name')}</th>
                <th scope="col" className="py-1 pr-2">{t('options.catalog.price')}</th>
                <th scope="col" className="py-1 pr-2">{t('options.catalog.stock')}</th>
              </tr>
            </thead>
            <tbody>
              {pending.items.slice(0, PREVIEW_ROWS).map((item) => (
                <tr key={item.sku} className="border-b border-slate-100">
                  <td className="py-1 pr-2">{item.sku}</td>
                  <td className="py-1 pr-2">{item.name}</td>
                  <td className="py-1 pr-2">{item.price ?? '—'}</td>
                  <td className="py-1 pr-2">{item.stock ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pending && (
        <div className="flex gap-2">
          <button
            type="button"
            className={BUTTON}
            data-testid="catalog-apply"
            disabled={pending.errors.length > 0 || pending.items.length === 0}
            onClick={() => {
              onApply(pending.items);
              setPending(undefined);
            }}
          >
            {t('options.catalog.apply')}
          </button>
          <button type="button" className={BUTTON} onClick={() => setPending(undefined)}>
            {t('options.cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
