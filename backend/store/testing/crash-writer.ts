// A child process for the durability tests: opens the store named by PULSO_TEST_STORE
// (JSON: { location, schema }), then writes forever — a profile publication and a batch of
// feedback events per round — printing `ack <round>` after each round's writes resolved.
// The test SIGKILLs it mid-write and reads the store back from another process.
import { writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DraftFeedback } from '../../../lib/contracts/learning';
import { DEMO_PROFILE } from '../../../lib/profile/demo-profile';
import { openStore, type StoreOptions } from '../store';

export const CRASH_BATCH = 40;

async function writeForever(): Promise<never> {
  const say = (line: string) => writeSync(1, `${line}\n`);
  const { location, schema } = JSON.parse(process.env.PULSO_TEST_STORE ?? '{}') as Pick<StoreOptions, 'location' | 'schema'>;

  say('opening');
  const store = await openStore({ location, schema });
  say('open');
  for (let round = 0; ; round++) {
    await store.profiles.publish({ ...DEMO_PROFILE, name: `Round ${round}` }, { publishedBy: 'token:crashwriter' });
    const events: DraftFeedback[] = Array.from({ length: CRASH_BATCH }, (_, i) => ({
      kind: 'draft',
      eventId: `crash-${round}-${i}`,
      strategy: 'technical',
      intent: 'complaint',
      segment: 'retain',
      outcome: 'inserted',
    }));
    await store.feedback.record(events);
    say(`ack ${round}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await writeForever();
