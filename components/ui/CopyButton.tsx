import { useState } from 'react';
import { useTranslate } from './use-translate';

/**
 * Copies text to the clipboard — and, with `html`, the same content as rich text too (an email
 * client pastes the formatting, a plain field the text); says so for two seconds. `text` may be
 * a function, for text worth making only when asked (a page's structure).
 */
export function CopyButton({ text, html, label, copiedLabel, testId, onCopied }: { text: string | (() => string); html?: string; label?: string; copiedLabel?: string; testId: string; onCopied?: () => void }) {
  const t = useTranslate();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    const plain = typeof text === 'function' ? text() : text;
    return html === undefined
      ? navigator.clipboard.writeText(plain)
      : navigator.clipboard.write([new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([plain], { type: 'text/plain' }) })]);
  };
  return (
    <button
      type="button"
      data-testid={testId}
      onClick={() => {
        void copy().then(() => {
          onCopied?.();
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
