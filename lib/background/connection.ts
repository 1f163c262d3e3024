import Dexie, { type Table } from 'dexie';
import { storage } from 'wxt/utils/storage';
import { ConnectionSchema, TokenSchema, type Connection, type ConnectionInput } from '../contracts';
import { readSettings, SETTINGS_STORAGE_KEY, updateSettings } from '../settings';
import { readUntilChanged } from './read-until-changed';

/** The tokens' own database (deleted by "Clear all local data" with the rest). */
export const SECRETS_DATABASE = 'pulso-secrets';

interface StoredSecret {
  name: 'token' | 'adminToken';
  value: string;
}

/**
 * Where the team and admin tokens live: an IndexedDB database on the extension's origin.
 * Content scripts run in the CRM page's origin, so they cannot open it — unlike
 * storage.local, which every content script can read (storage.session would be hidden
 * from them too, but it is emptied when the browser closes).
 */
export class SecretsDb extends Dexie {
  secrets!: Table<StoredSecret, string>;
  constructor(name = SECRETS_DATABASE) {
    super(name);
    this.version(1).stores({ secrets: 'name' });
  }
}

const legacySettingsItem = storage.defineItem<Record<string, unknown> | null>(`local:${SETTINGS_STORAGE_KEY}`);

/**
 * The background's view of the connection: the backend URL (a plain setting) with the
 * tokens (secrets). Only the background holds one; pages ask it through messages.
 */
export function createConnectionStore(db: SecretsDb = new SecretsDb()) {
  async function readTokens(): Promise<{ token: string; adminToken: string }> {
    const [token, adminToken] = await db.secrets.bulkGet(['token', 'adminToken']);
    return { token: TokenSchema.catch('').parse(token?.value ?? ''), adminToken: TokenSchema.catch('').parse(adminToken?.value ?? '') };
  }

  /**
   * Versions before this one kept the tokens in storage.local's settings: they move here
   * and leave storage.local, once, before the first read.
   */
  async function moveLegacyTokens(): Promise<void> {
    const stored = await legacySettingsItem.getValue();
    if (!stored || !('token' in stored || 'adminToken' in stored)) return;
    const { token, adminToken, ...rest } = stored;
    const current = await readTokens();
    await db.secrets.bulkPut([
      { name: 'token', value: TokenSchema.catch('').parse(token ?? '') || current.token },
      { name: 'adminToken', value: TokenSchema.catch('').parse(adminToken ?? '') || current.adminToken },
    ]);
    await legacySettingsItem.setValue(rest);
  }
  let moved: Promise<void> | undefined;
  const legacyMoved = () => (moved ??= moveLegacyTokens().catch((err) => console.warn('[pulso] tokens not moved', err)));

  // Every lead, list and chat asks for the connection before anything else: it is read once (a
  // storage round trip and an IndexedDB read) and kept until the settings change, or the tokens
  // are saved here or deleted with the local data (forget). Callers must not mutate it.
  const kept = readUntilChanged([SETTINGS_STORAGE_KEY], async (): Promise<Connection> => {
    await legacyMoved();
    const [settings, tokens] = await Promise.all([readSettings(), readTokens()]);
    return { backendUrl: settings.backendUrl, ...tokens };
  });

  return {
    read: (): Promise<Connection> => kept(),

    /** Reads the connection again next time (its tokens' database was deleted). */
    forget: () => kept.forget(),

    /** Validates the whole connection first: a bad URL changes nothing. */
    async save(input: ConnectionInput): Promise<Connection> {
      const connection = ConnectionSchema.parse(input);
      await legacyMoved();
      await db.secrets.bulkPut([
        { name: 'token', value: connection.token },
        { name: 'adminToken', value: connection.adminToken },
      ]);
      await updateSettings({ backendUrl: connection.backendUrl });
      // Storage announces a changed URL, not new tokens (nor an unchanged URL).
      kept.forget();
      return connection;
    },
  };
}
export type ConnectionStore = ReturnType<typeof createConnectionStore>;
