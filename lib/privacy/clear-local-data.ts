/** The IndexedDB database the result cache and the history live in (lib/db.ts / lib/cache.ts). */
export const PULSO_DATABASE = 'pulso';

/**
 * "Clear all local data": every storage area Pulso writes (settings, tokens, profiles) and
 * the IndexedDB database (cached results, history). Open connections are asked to close
 * (Dexie closes on versionchange), so the delete is not left blocked.
 */
export async function clearAllLocalData(deps: { storage?: { clear(): Promise<void> }[]; indexedDB?: IDBFactory } = {}): Promise<void> {
  const areas = deps.storage ?? [browser.storage.local, ...(browser.storage.session ? [browser.storage.session] : [])];
  await Promise.all(areas.map((area) => area.clear()));
  const idb = deps.indexedDB ?? globalThis.indexedDB;
  await new Promise<void>((resolve, reject) => {
    const request = idb.deleteDatabase(PULSO_DATABASE);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('could not delete the local database'));
    // Another tab still holds it open: it is deleted as soon as that connection closes.
    request.onblocked = () => resolve();
  });
}
