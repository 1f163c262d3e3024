import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileVersion } from '../../lib/cache-key';
import { FeedbackResponseSchema, FeedbackStatsSchema, LeadClassificationSchema, PolicySchema, TeamProfileResponseSchema } from '../../lib/contracts';
import { DEMO_PROFILE } from '../../lib/profile/demo-profile';
import { HOT_LEAD } from '../testing/fixtures';
import { runNodeChild, type Child } from './testing/child';
import { startTestPostgres, type TestPostgres } from './testing/postgres-server';

const ADMIN = 'admin-token-replicas';
const REP = 'rep-token-replicas';
const SLOW = 300_000;

let server: TestPostgres;
const children: Child[] = [];
beforeAll(async () => {
  server = await startTestPostgres();
}, SLOW);
afterAll(async () => {
  for (const child of children) child.process.kill('SIGTERM');
  await Promise.all(children.map((c) => c.exited));
  await server?.stop();
}, SLOW);

/** A database of its own on the test server, as a deployment would have. */
async function freshDatabase(): Promise<string> {
  const name = `pulso_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  return url.toString();
}

/** `pulso serve` on a free loopback port, on the shared database; resolves with its base URL. */
async function serve(databaseUrl: string): Promise<string> {
  const child = runNodeChild(['bin/pulso.js', 'serve'], {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    PULSO_DATA_DIR: mkdtempSync(join(tmpdir(), 'pulso-replica-')),
    PULSO_TEAM_TOKENS: REP,
    PULSO_ADMIN_TOKEN: ADMIN,
    LOG_LEVEL: 'info',
  });
  children.push(child);
  const [, url] = await child.waitForLine(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/);
  return url!;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

describe('two `pulso serve` processes on one PostgreSQL', () => {
  it(
    'a profile published through one is served by the other, by the current profile and by its version',
    async () => {
      const databaseUrl = await freshDatabase();
      const [a, b] = await Promise.all([serve(databaseUrl), serve(databaseUrl)]); // both migrate at once
      const welding = { ...DEMO_PROFILE, name: 'Soldaduras del Sur', services: ['Industrial welding'], targetIndustries: ['Construction'] };

      const put = await fetch(`${a}/v1/profile`, { method: 'PUT', headers: bearer(ADMIN), body: JSON.stringify({ profile: welding }) });
      expect(put.status).toBe(200);
      const version = await profileVersion(welding);

      const got = TeamProfileResponseSchema.parse(await (await fetch(`${b}/v1/profile`, { headers: bearer(REP) })).json());
      expect(got).toMatchObject({ version, profile: welding, source: 'published' });

      const classified = await fetch(`${b}/v1/leads/classify`, { method: 'POST', headers: bearer(REP), body: JSON.stringify({ lead: HOT_LEAD, profileVersion: version }) });
      expect(classified.status).toBe(200);
      LeadClassificationSchema.parse(await classified.json());
    },
    SLOW,
  );

  it(
    'feedback posted to both adds up once: overlapping and retried events are counted once, and either replica answers the same policy and stats',
    async () => {
      const databaseUrl = await freshDatabase();
      const [a, b] = await Promise.all([serve(databaseUrl), serve(databaseUrl)]);
      const strategies = ['empathetic', 'technical', 'follow_up'] as const;
      const events = Array.from({ length: 30 }, (_, i) => ({
        kind: 'draft',
        eventId: `evt-replica-${i}`,
        strategy: strategies[i % 3],
        intent: 'complaint',
        segment: 'retain',
        outcome: i % 3 === 0 ? 'inserted' : 'discarded',
      }));
      const post = (base: string, batch: object[]) =>
        fetch(`${base}/v1/feedback`, { method: 'POST', headers: bearer(REP), body: JSON.stringify({ events: batch }) }).then(async (res) => {
          expect(res.status).toBe(202);
          return FeedbackResponseSchema.parse(await res.json());
        });

      // A gets events 0–19, B gets 10–29 at the same moment (10 in both), then B retries all it sent.
      const [first, second] = await Promise.all([post(a, events.slice(0, 20)), post(b, events.slice(10))]);
      const retry = await post(b, events.slice(10));
      expect(first.accepted + second.accepted).toBe(30);
      expect(first.duplicates + second.duplicates).toBe(10);
      expect(retry).toMatchObject({ accepted: 0, duplicates: 20 });

      const read = async (base: string) => ({
        policy: PolicySchema.parse(await (await fetch(`${base}/v1/policy`, { headers: bearer(REP) })).json()),
        stats: FeedbackStatsSchema.parse(await (await fetch(`${base}/v1/feedback/stats?days=7`, { headers: bearer(REP) })).json()),
      });
      const [fromA, fromB] = await Promise.all([read(a), read(b)]);
      expect(fromB.policy).toEqual(fromA.policy);
      expect({ ...fromB.stats, generatedAt: '' }).toEqual({ ...fromA.stats, generatedAt: '' });

      const context = fromA.policy.contexts.find((c) => c.segment === 'retain' && c.intent === 'complaint')!;
      expect(Object.fromEntries(context.strategies.map((s) => [s.strategy, s.pulls]))).toMatchObject({ empathetic: 10, technical: 10, follow_up: 10 });
      expect(context.best).toBe('empathetic');
      expect(fromA.stats.drafts.reduce((sum, day) => sum + day.events, 0)).toBe(30);
      expect(fromA.stats.drafts.reduce((sum, day) => sum + day.inserted, 0)).toBe(10);
    },
    SLOW,
  );
});
