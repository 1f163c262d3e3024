import { useState } from 'react';
import { useTranslate } from './use-translate';

/** Copies plain text to the clipboard; says so for two seconds. */
export function CopyButton({ text, testId, onCopied }: { text: string; testId: string; onCopied?: () => void }) {
  const t = useTranslate();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      data-testid={testId}
      onClick={() => {
        void navigator.clipboard.writeText(text).then(() => {
          onCopied?.();
          setCopied(true);
          setTimeout(() => setCopied(false), 2_000);
        });
      }}
      className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
    >
      {copied ? t('conv.copied') : t('conv.copy')}
    </button>
  );
}
