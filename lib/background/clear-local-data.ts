import { SECRETS_DATABASE } from './connection';
import { PULSO_DATABASE } from './db';

export { PULSO_DATABASE } from './db';

/**
 * "Clear all local data": every storage area Pulso writes (settings, profiles) and the
 * IndexedDB databases (cached results, history, tokens). Open connections are asked to
 * close (Dexie closes on versionchange and reopens on its next use), so no delete is left
 * blocked.
 */
export async function clearAllLocalData(deps: { storage?: { clear(): Promise<void> }[]; indexedDB?: IDBFactory } = {}): Promise<void> {
  const areas = deps.storage ?? [browser.storage.local, ...(browser.storage.session ? [browser.storage.session] : [])];
  await Promise.all(areas.map((area) => area.clear()));
  const idb = deps.indexedDB ?? globalThis.indexedDB;
  await Promise.all([PULSO_DATABASE, SECRETS_DATABASE].map((name) => deleteDatabase(idb, name)));
}

function deleteDatabase(idb: IDBFactory, name: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const request = idb.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('could not delete the local database'));
    // Another context still holds it open: it is deleted as soon as that connection closes.
    request.onblocked = () => resolve();
  });
}
