import { existsSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CompanyProfileSchema } from '../../lib/contracts';
import type { ProfileVersions } from './profile-versions';
import { StoredDataError } from './rows';

/** What the JSON-file store of earlier versions kept in the data dir. */
export const LEGACY_PROFILE_FILE = 'team-profile.json';
export const LEGACY_PUBLISHER = 'legacy-file';
const LegacyFileSchema = z.object({ profile: CompanyProfileSchema, updatedAt: z.string().datetime() });

export type LegacyImport = 'none' | 'imported' | 'superseded';

/**
 * Moves a profile published with the JSON-file store into the database, once: when the
 * database has no profile yet it becomes the current one (with its original date); the file
 * is then renamed `team-profile.json.imported`, so the next start does nothing. The temp
 * files that store left behind when it crashed mid-write are deleted.
 */
export async function importLegacyProfile(dataDir: string, profiles: ProfileVersions): Promise<LegacyImport> {
  let names: string[];
  try {
    names = readdirSync(dataDir);
  } catch {
    return 'none';
  }
  for (const name of names) {
    if (name.startsWith(`${LEGACY_PROFILE_FILE}.`) && name.endsWith('.tmp')) rmSync(join(dataDir, name), { force: true });
  }
  const file = join(dataDir, LEGACY_PROFILE_FILE);
  if (!existsSync(file)) return 'none';

  let legacy: z.output<typeof LegacyFileSchema>;
  try {
    legacy = LegacyFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    throw new StoredDataError(`the team profile kept by an earlier version in ${file} is not valid; fix or delete it (it is imported into the database once)`);
  }
  const outcome: LegacyImport = (await profiles.current()) ? 'superseded' : 'imported';
  if (outcome === 'imported') await profiles.publish(legacy.profile, { publishedBy: LEGACY_PUBLISHER, publishedAt: legacy.updatedAt });
  renameSync(file, `${file}.imported`);
  return outcome;
}
