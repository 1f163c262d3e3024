import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, fsyncSync, openSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CompanyProfileSchema, type CompanyProfile } from '../../lib/contracts';

/** What the file holds: the published team profile and when it was published. */
const StoredProfileSchema = z.object({ profile: CompanyProfileSchema, updatedAt: z.string() });
export type StoredProfile = z.output<typeof StoredProfileSchema>;

export const PROFILE_FILE = 'team-profile.json';

/**
 * The embedded store for the published team profile: one JSON file under the data dir,
 * kept in memory and rewritten atomically (temp file + fsync + rename), so a crash mid-write
 * leaves the previous profile, never half a file. DATABASE_URL is accepted but not used yet.
 */
export class ProfileStore {
  private current: StoredProfile | undefined;
  readonly file: string;

  constructor(
    readonly dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.file = join(dataDir, PROFILE_FILE);
    this.current = this.load();
  }

  private load(): StoredProfile | undefined {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return undefined; // nothing published yet
    }
    try {
      const parsed = StoredProfileSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      /* unreadable JSON: fall through */
    }
    throw new Error(`the stored team profile ${this.file} is not valid; fix or delete it`);
  }

  /** The published profile, or undefined when no admin has published one. */
  get(): StoredProfile | undefined {
    return this.current;
  }

  put(profile: CompanyProfile): StoredProfile {
    const next: StoredProfile = { profile: CompanyProfileSchema.parse(profile), updatedAt: this.now().toISOString() };
    mkdirSync(this.dataDir, { recursive: true });
    const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    try {
      writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
      const fd = openSync(tmp, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, this.file);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw err;
    }
    this.current = next;
    return next;
  }
}
