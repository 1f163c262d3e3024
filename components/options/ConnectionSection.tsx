import { useState } from 'react';
import { BackendUrlSchema, type Connection } from '@/lib/contracts';
import { requestConnectionCheck, saveConnection } from '@/lib/messaging';
import { Card } from '../ui/Card';
import { usePageTranslate } from '../ui/use-page-translate';
import { BUTTON, PRIMARY, StatusMessage, TextField, type Status } from './fields';

/** 127.0.0.1 and localhost are in the manifest's host permissions; any other backend is asked for at run time. */
export function needsHostPermission(url: string): boolean {
  const host = new URL(url).hostname;
  return host !== '127.0.0.1' && host !== 'localhost';
}

/** The backend URL and the tokens: read from and saved through the background, the only part that keeps the tokens. */
export function ConnectionSection({ connection }: { connection: Connection }) {
  const t = usePageTranslate();
  const [backendUrl, setBackendUrl] = useState(connection.backendUrl);
  const [token, setToken] = useState(connection.token);
  const [adminToken, setAdminToken] = useState(connection.adminToken);
  const [urlError, setUrlError] = useState<string>();
  const [status, setStatus] = useState<Status>();
  const [report, setReport] = useState<Status>();

  /** Checks the URL and asks for the host permission; must run from the click (a user gesture). */
  async function grant(): Promise<string | undefined> {
    const parsed = BackendUrlSchema.safeParse(backendUrl);
    if (!parsed.success) {
      setUrlError(t('options.connection.badUrl'));
      return undefined;
    }
    setUrlError(undefined);
    if (needsHostPermission(parsed.data)) {
      const granted = await browser.permissions.request({ origins: [`${new URL(parsed.data).origin}/*`] }).catch(() => false);
      if (!granted) {
        setStatus({ kind: 'error', text: t('options.connection.permissionDenied', { origin: new URL(parsed.data).origin }) });
        return undefined;
      }
    }
    return parsed.data;
  }

  async function save() {
    const url = await grant();
    if (!url) return;
    await saveConnection({ backendUrl: url, token: token.trim(), adminToken: adminToken.trim() });
    setBackendUrl(url);
    setStatus({ kind: 'ok', text: t('options.connection.saved') });
  }

  async function test() {
    const url = await grant();
    if (!url) return;
    setReport({ kind: 'info', text: t('options.connection.testing') });
    const r = await requestConnectionCheck({ backendUrl: url, token: token.trim() });
    const lines = [
      t(r.reachable ? 'options.connection.reachable' : 'options.connection.unreachable'),
      t(`options.connection.auth.${r.auth}`),
      ...(r.mode ? [t('options.connection.mode', { mode: r.mode === 'llm' ? t('options.connection.mode.llm') : t('options.connection.mode.rules') })] : []),
      ...(r.model ? [t('options.connection.model', { model: r.model })] : []),
      ...(r.error ? [r.error] : []),
    ];
    setReport({ kind: r.reachable && r.auth === 'ok' ? 'ok' : 'error', text: t(r.reachable && r.auth === 'ok' ? 'options.connection.ok' : 'options.connection.problem'), lines });
  }

  return (
    <Card title={t('options.connection.title')} id="options-connection">
      <form
        className="space-y-3"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <TextField label={t('options.connection.url')} type="url" value={backendUrl} onChange={setBackendUrl} error={urlError} hint={t('options.connection.urlHint')} testId="backend-url" />
        <TextField label={t('options.connection.token')} type="password" value={token} onChange={setToken} hint={t('options.connection.tokenHint')} testId="team-token" />
        <TextField label={t('options.connection.adminToken')} type="password" value={adminToken} onChange={setAdminToken} hint={t('options.connection.adminTokenHint')} testId="admin-token" />
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={PRIMARY} data-testid="connection-save">
            {t('options.connection.save')}
          </button>
          <button type="button" className={BUTTON} onClick={() => void test()} data-testid="connection-test">
            {t('options.connection.test')}
          </button>
        </div>
        <StatusMessage status={status} testId="connection-status" />
        <StatusMessage status={report} testId="connection-report" />
      </form>
    </Card>
  );
}
