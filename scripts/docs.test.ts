import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvSchema } from '../backend/config';
import { USAGE } from '../backend/cli/main';
import { SettingsSchema } from '../lib/settings';

// The README and docs/ stand on their own and say what the code does: no link out of the
// repository's files that does not resolve, every backend variable, extension setting and
// CLI command documented.

const ROOT = resolve(import.meta.dirname, '..');
const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('documentation', () => {
  it.each(DOCS)('%s: every relative link resolves inside the repository', (file) => {
    const links = [...read(file).matchAll(/\]\(([^)\s#]+)(#[^)]*)?\)/g)].map((m) => m[1]!).filter((href) => !/^[a-z]+:/.test(href));
    const broken = links.filter((href) => {
      const target = resolve(ROOT, dirname(file), href);
      return !target.startsWith(`${ROOT}/`) || !existsSync(target);
    });
    expect(broken).toEqual([]);
  });

  it.each(DOCS)('%s: never sends the reader outside the repository for its own documents', (file) => {
    expect(read(file)).not.toMatch(/\.\.\/shared|PRODUCT\.md|CONTRACTS\.md|STYLE\.md/);
  });

  it('the README opens with the two commands that set up a fresh machine', () => {
    const firstBlock = /```bash\n([\s\S]*?)```/.exec(read('README.md'))![1]!;
    expect(firstBlock.split('\n').filter(Boolean).map((line) => line.split('#')[0]!.trim())).toEqual(['npm start', 'npm test']);
  });

  it('docs/configuration.md names every backend environment variable and every extension setting', () => {
    const doc = read('docs/configuration.md');
    const missingEnv = Object.keys(EnvSchema.shape).filter((name) => !doc.includes(`\`${name}\``));
    const settings = SettingsSchema.parse({});
    const settingNames = Object.entries(settings).flatMap(([key, value]) =>
      value && typeof value === 'object' && key !== 'sites' ? Object.keys(value).map((inner) => `${key}.${inner}`) : [key],
    );
    const missingSettings = settingNames.filter((name) => !doc.includes(`\`${name}\``));
    expect({ missingEnv, missingSettings }).toEqual({ missingEnv: [], missingSettings: [] });
  });

  it('docs/cli.md has a section for every command `pulso --help` lists', () => {
    const commands = [...USAGE.matchAll(/^ {2}([a-z][a-z:-]*)\b/gm)].map((m) => m[1]!);
    expect(commands.length).toBeGreaterThanOrEqual(5);
    const doc = read('docs/cli.md');
    expect(commands.filter((command) => !doc.includes(`## \`pulso ${command}`))).toEqual([]);
  });
});
