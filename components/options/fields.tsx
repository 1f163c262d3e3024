import { useId, type ReactNode } from 'react';
import { usePageTranslate } from '../ui/use-page-translate';

export const INPUT =
  'w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600 aria-[invalid=true]:border-red-600';
export const BUTTON =
  'rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-50';
export const PRIMARY =
  'rounded-md bg-indigo-700 px-3 py-1 text-sm font-semibold text-white hover:bg-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-800 disabled:opacity-50';

/** A field's error, announced with the field (aria-describedby) and shown right under it. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-xs text-red-700" data-testid="field-error">
      {message}
    </p>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  multiline?: boolean;
  type?: 'text' | 'password' | 'number' | 'url';
  testId?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal';
}

export function TextField({ label, value, onChange, error, hint, multiline, type = 'text', testId, autoComplete = 'off', inputMode }: TextFieldProps) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'data-testid': testId,
    className: INPUT,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      {multiline ? <textarea rows={3} {...common} /> : <input type={type} autoComplete={autoComplete} inputMode={inputMode} spellCheck={false} {...common} />}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** A list of short texts (services, industries): one input per item, add and remove by keyboard. */
export function ListEditor({
  label,
  itemLabel,
  addLabel,
  items,
  onChange,
  errors,
  testId,
}: {
  label: string;
  itemLabel: (index: number) => string;
  addLabel: string;
  items: string[];
  onChange: (items: string[]) => void;
  errors: (path: string) => string | undefined;
  testId: string;
}) {
  const t = usePageTranslate();
  const id = useId();
  const listError = errors('');
  return (
    <fieldset data-testid={testId} aria-describedby={listError ? `${id}-error` : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-700">{label}</legend>
      <ul className="space-y-1">
        {items.map((item, index) => (
          <li key={index} className="flex items-start gap-2">
            <div className="flex-1">
              <input
                aria-label={itemLabel(index)}
                className={INPUT}
                value={item}
                aria-invalid={errors(String(index)) ? true : undefined}
                aria-describedby={errors(String(index)) ? `${id}-${index}-error` : undefined}
                onChange={(event) => onChange(items.map((old, i) => (i === index ? event.target.value : old)))}
              />
              <FieldError id={`${id}-${index}-error`} message={errors(String(index))} />
            </div>
            <button type="button" className={BUTTON} aria-label={t('options.remove', { item: item || itemLabel(index) })} onClick={() => onChange(items.filter((_, i) => i !== index))}>
              ✕
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className={`${BUTTON} mt-2`} onClick={() => onChange([...items, ''])}>
        {addLabel}
      </button>
      <FieldError id={`${id}-error`} message={listError} />
    </fieldset>
  );
}

export function Checkbox({ label, checked, onChange, testId, hint }: { label: string; checked: boolean; onChange: (checked: boolean) => void; testId?: string; hint?: ReactNode }) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        data-testid={testId}
        onChange={(event) => onChange(event.target.checked)}
        className="mt-0.5 h-4 w-4 accent-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      />
      <label htmlFor={id} className="text-sm text-slate-800">
        {label}
        {hint && <span className="block text-xs text-slate-600">{hint}</span>}
      </label>
    </div>
  );
}

/** A status line: polite for progress and success, an alert for failures. */
export function StatusMessage({ status, testId }: { status?: { kind: 'ok' | 'error' | 'info'; text: string; lines?: string[] }; testId: string }) {
  if (!status) return <div data-testid={testId} role="status" className="sr-only" />;
  const tone = status.kind === 'error' ? 'border-red-300 bg-red-50 text-red-800' : status.kind === 'ok' ? 'border-emerald-300 bg-emerald-50 text-emerald-900' : 'border-slate-300 bg-slate-50 text-slate-800';
  return (
    <div data-testid={testId} data-kind={status.kind} role={status.kind === 'error' ? 'alert' : 'status'} className={`mt-2 rounded-md border p-2 text-sm break-words ${tone}`}>
      <p>{status.text}</p>
      {status.lines && status.lines.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {status.lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export type Status = Parameters<typeof StatusMessage>[0]['status'];
