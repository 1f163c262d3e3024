import { sql, type Kysely } from 'kysely';
import { PolicyArmSchema, type PolicyArm } from '../../lib/contracts/learning';
import { mergeArms } from '../../lib/learning/policy';
import type { Tables } from './tables';
import { parseRow } from './rows';

/**
 * Adds deltas (lib/learning: `feedbackDelta`, `judgeDelta`) to the policy arms inside the
 * caller's transaction. The arms hold sums only, and sums commute: with
 * `ON CONFLICT … DO UPDATE SET pulls = pulls + excluded.pulls` (which takes the row lock) two
 * replicas adding at once both count. Rows are written in key order, so two transactions
 * never wait on each other's rows crosswise.
 */
export async function addToArms(trx: Kysely<Tables>, deltas: readonly PolicyArm[]): Promise<void> {
  if (deltas.length === 0) return;
  const key = (a: PolicyArm) => `${a.segment}\u0000${a.intent}\u0000${a.strategy}`;
  const rows = mergeArms(deltas.map((d) => PolicyArmSchema.parse(d))).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  await trx
    .insertInto('policy_arms')
    .values(
      rows.map((r) => ({
        segment: r.segment,
        intent: r.intent,
        strategy: r.strategy,
        pulls: r.pulls,
        weight: r.weight,
        reward_sum: r.rewardSum,
        updated_at: sql<Date>`now()`,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['segment', 'intent', 'strategy']).doUpdateSet((eb) => ({
        pulls: eb(eb.ref('policy_arms.pulls'), '+', eb.ref('excluded.pulls')),
        weight: eb(eb.ref('policy_arms.weight'), '+', eb.ref('excluded.weight')),
        reward_sum: eb(eb.ref('policy_arms.reward_sum'), '+', eb.ref('excluded.reward_sum')),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/** The policy's stored sums; lib/learning turns them into posteriors (`PolicyModel.fromArms`, `policyView`). */
export class PolicyState {
  constructor(private readonly db: Kysely<Tables>) {}

  /** Every arm (PolicyArm in lib/contracts/learning.ts), in key order. */
  async arms(): Promise<PolicyArm[]> {
    const rows = await this.db
      .selectFrom('policy_arms')
      .select(['segment', 'intent', 'strategy', 'pulls', 'weight', 'reward_sum as rewardSum'])
      .orderBy('segment')
      .orderBy('intent')
      .orderBy('strategy')
      .execute();
    return rows.map((row) => parseRow(PolicyArmSchema, { ...row, pulls: Number(row.pulls) }, 'policy arm'));
  }

  /** Adds deltas that come from no feedback event (the judge's prior: `judgeDelta`), in one transaction. */
  async add(deltas: readonly PolicyArm[]): Promise<void> {
    await this.db.transaction().execute((trx) => addToArms(trx, deltas));
  }

  /** When any arm last changed; undefined before the first one. */
  async updatedAt(): Promise<string | undefined> {
    const row = await this.db.selectFrom('policy_arms').select((eb) => eb.fn.max('updated_at').as('at')).executeTakeFirst();
    return row?.at ? new Date(row.at as Date).toISOString() : undefined;
  }
}
