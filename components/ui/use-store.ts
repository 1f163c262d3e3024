import { useSyncExternalStore } from 'react';
import type { Store } from '@/lib/content/store';

/** Reads a store and re-renders when it changes. */
export function useStore<T>(store: Pick<Store<T>, 'get' | 'subscribe'>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
