import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CRMS } from '../contracts';
import { SITE_HOSTS, SITES, siteOf } from './registry';

/** A page under a match pattern: `*.` becomes a subdomain, the path wildcard a path. */
const pageUnder = (pattern: string) => pattern.replace('*.', 'app.').replace(/\/\*$/, '/some/page');
const entrypoint = (key: string) => fileURLToPath(new URL(`../../entrypoints/${key}.content/index.ts`, import.meta.url));

describe('the sites registry', () => {
  it('lists every CRM of the contract once, with its own adapter', () => {
    expect(SITES.map((site) => site.key).sort()).toEqual([...CRMS].sort());
    for (const site of SITES) {
      expect(site.adapter.crm).toBe(site.key);
      expect(siteOf(site.key)).toBe(site);
    }
  });

  it("host patterns are https match patterns the site's adapter reads, and nothing else", () => {
    for (const site of SITES) {
      for (const pattern of site.hosts) {
        expect(pattern, site.key).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\/\*$/);
        expect(site.adapter.matches(pageUnder(pattern)), pattern).toBe(true);
        // A lookalike host is not the CRM's.
        expect(site.adapter.matches(pageUnder(pattern).replace(/^https:\/\/([^/]+)/, 'https://$1.evil.example')), pattern).toBe(false);
      }
    }
    expect(SITE_HOSTS).toEqual(SITES.flatMap((site) => site.hosts));
  });

  it('every site has its content script, matching the registry hosts (a fifth CRM cannot be half-registered)', () => {
    for (const site of SITES) {
      expect(existsSync(entrypoint(site.key)), site.key).toBe(true);
      expect(readFileSync(entrypoint(site.key), 'utf8')).toContain(`matches: [...${site.key}.hosts]`);
    }
  });
});
