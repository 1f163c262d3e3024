import { z } from 'zod';
import { parseRow } from './rows';
import { SelectorPackVersionConflict } from './selector-packs';
import type { Store } from './store';

/**
 * The store of a worker process whose primary owns the embedded database (`pulso serve` with
 * several workers and no DATABASE_URL: PGlite serves one process only). Each call is one message
 * to the primary, which runs it on its store and answers; the workers never open the database.
 *
 * Cost, measured: a round trip over the cluster channel is a fraction of a millisecond, and the
 * hot path (a classify) asks the store at most once a second per worker (the current profile,
 * profiles.ts), so rules-mode throughput does not depend on it. Feedback from every worker is
 * group-committed by the primary's one FeedbackLog, as it is within one process.
 *
 * What crosses is what the routes pass and get: plain data (structured clone: Dates, undefined
 * and nested objects survive). A function or a zod schema cannot cross: selector packs are
 * read with a pass-through schema in the primary and validated with the caller's schema here.
 */
export interface StoreChannel {
  send(message: StoreMessage): void;
  onMessage(listener: (message: unknown) => void): void;
}

/** The messages of the store protocol; `pulsoStore` keeps them apart from any other traffic on the channel. */
export type StoreMessage = { pulsoStore: StoreCall } | { pulsoStore: StoreAnswer };
interface StoreCall {
  id: number;
  part: StorePart;
  method: string;
  args: unknown[];
}
type StoreAnswer = { id: number; value: unknown } | { id: number; error: { name: string; message: string } };

const PARTS = ['profiles', 'feedback', 'policy', 'campaigns', 'selectorPacks', 'audit', 'store'] as const;
type StorePart = (typeof PARTS)[number];

/** What the primary may be asked, per part: the routes' use of the store, nothing else. */
const METHODS: Record<StorePart, readonly string[]> = {
  profiles: ['publish', 'current', 'byVersion', 'history'],
  feedback: ['record', 'list', 'stats', 'count'],
  policy: ['arms', 'add', 'updatedAt'],
  campaigns: ['save', 'list', 'get'],
  selectorPacks: ['publish', 'current', 'byVersion'],
  audit: ['record', 'list'],
  store: ['ping'],
};

const CallSchema = z.object({
  id: z.number().int(),
  part: z.enum(PARTS),
  method: z.string(),
  args: z.array(z.unknown()),
});

/** Any JSON object: the primary reads a selector pack's document without knowing its schema. */
const ANY_DOCUMENT = z.record(z.string(), z.unknown());

/** Errors the routes tell apart by class: rebuilt as that class on the worker's side. */
const ERROR_CLASSES: Record<string, new (message: string) => Error> = {
  SelectorPackVersionConflict,
};

/** Primary side: answers every store call that arrives on `channel` with `store`. */
export function serveStore(store: Store, channel: StoreChannel): void {
  channel.onMessage((message) => {
    const call = (message as { pulsoStore?: unknown } | null)?.pulsoStore;
    if (!call || typeof call !== 'object' || !('method' in call)) return;
    const parsed = CallSchema.safeParse(call);
    if (!parsed.success) return;
    const { id, part, method, args } = parsed.data;
    const answer = (reply: StoreAnswer) => channel.send({ pulsoStore: reply });
    run(store, part, method, args).then(
      (value) => answer({ id, value }),
      (err: unknown) => answer({ id, error: { name: (err as Error)?.name ?? 'Error', message: (err as Error)?.message ?? String(err) } }),
    );
  });
}

async function run(store: Store, part: StorePart, method: string, args: unknown[]): Promise<unknown> {
  if (!METHODS[part].includes(method)) throw new Error(`the store has no ${part}.${method} for workers`);
  if (part === 'store') return store.ping();
  if (part === 'selectorPacks' && method !== 'publish') {
    // current() / byVersion(version): the caller's schema stays with the caller.
    return method === 'current' ? store.selectorPacks.current(ANY_DOCUMENT) : store.selectorPacks.byVersion(args[0] as string, ANY_DOCUMENT);
  }
  const target = store[part] as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  return target[method]!.apply(target, args);
}

/** Worker side: a Store whose every call is answered by the primary's. `close` ends nothing there. */
export function remoteStore(channel: StoreChannel, engine: Store['engine'] = 'pglite'): Store {
  let next = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  channel.onMessage((message) => {
    const answer = (message as { pulsoStore?: StoreAnswer } | null)?.pulsoStore;
    if (!answer || typeof answer !== 'object' || 'method' in answer) return;
    const pending = waiting.get(answer.id);
    if (!pending) return;
    waiting.delete(answer.id);
    if ('error' in answer) {
      const Class = ERROR_CLASSES[answer.error.name];
      const err = Class ? new Class(answer.error.message) : Object.assign(new Error(answer.error.message), { name: answer.error.name });
      pending.reject(err);
    } else pending.resolve(answer.value);
  });

  const call = (part: StorePart, method: string, args: unknown[]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve, reject });
      try {
        channel.send({ pulsoStore: { id, part, method, args } });
      } catch (err) {
        waiting.delete(id);
        reject(err as Error);
      }
    });

  const part = <T>(name: Exclude<StorePart, 'store'>): T =>
    Object.fromEntries(METHODS[name].map((method) => [method, (...args: unknown[]) => call(name, method, args)])) as T;

  const selectorPacks = part<Store['selectorPacks']>('selectorPacks');
  const readPack = async (found: Promise<unknown>, schema: z.ZodType) => {
    const pack = (await found) as { version: string; document: unknown } | undefined;
    return pack && { ...pack, document: parseRow(schema, pack.document, `selector pack ${pack.version} document`) };
  };
  return {
    engine,
    profiles: part('profiles'),
    feedback: part('feedback'),
    policy: part('policy'),
    campaigns: part('campaigns'),
    selectorPacks: {
      publish: selectorPacks.publish,
      current: (schema: z.ZodType) => readPack(call('selectorPacks', 'current', []), schema),
      byVersion: (version: string, schema: z.ZodType) => readPack(call('selectorPacks', 'byVersion', [version]), schema),
    } as unknown as Store['selectorPacks'],
    audit: part('audit'),
    ping: async () => {
      await call('store', 'ping', []);
    },
    close: async () => {},
  };
}
