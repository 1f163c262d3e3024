import { openStore, type Store, type StoreOptions } from './store';

/**
 * The server's store, opened on first use: a backend (or a test server) that never records
 * feedback nor reads the policy opens no database. Concurrent first uses share one opening;
 * a failed opening is forgotten, so the next request tries again (and gets the error now).
 */
export interface LazyStore {
  get(): Promise<Store>;
  /** Closes the store if it was opened (here); a store given from outside is its owner's to close. */
  close(): Promise<void>;
}

export function lazyStore(options: StoreOptions | (() => StoreOptions), given?: Store): LazyStore {
  if (given) return { get: async () => given, close: async () => {} };
  let opening: Promise<Store> | undefined;
  return {
    get() {
      opening ??= openStore(typeof options === 'function' ? options() : options).catch((err: unknown) => {
        opening = undefined;
        throw err;
      });
      return opening;
    },
    async close() {
      const store = await opening?.catch(() => undefined);
      opening = undefined;
      await store?.close();
    },
  };
}
