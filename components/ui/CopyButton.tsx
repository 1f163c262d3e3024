import { useState } from 'react';
import { useTranslate } from './use-translate';

/**
 * Copies plain text to the clipboard; says so for two seconds. `text` may be a function, for
 * text worth making only when asked (a page's structure).
 */
export function CopyButton({ text, testId, label, copiedLabel }: { text: string | (() => string); testId: string; label?: string; copiedLabel?: string }) {
  const t = useTranslate();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      data-testid={testId}
      onClick={() => {
        void navigator.clipboard.writeText(typeof text === 'function' ? text() : text).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 2_000);
        });
      }}
      className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
    >
      {copied ? (copiedLabel ?? t('conv.copied')) : (label ?? t('conv.copy'))}
    </button>
  );
}
