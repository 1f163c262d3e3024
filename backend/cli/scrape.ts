/**
 * `pulso scrape --url URL [--explain] [--pack PACK.json] FILE.html`: read a saved CRM page as the
 * extension would. A file that is no saved web page (empty, binary, a PDF, plain text) gets a
 * message saying what it is; a page with none of the app's structure reads as a ScrapeResult
 * with an "unrecognised" notice. --explain prints which selector found each field instead of the
 * JSON; --pack reads with a selector pack (checked against the schema; signing is for the extension).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SelectorPackSchema } from '../../lib/contracts';
import { write, type CommandIo as Io } from './write';

export class ScrapeUsageError extends Error {}


export async function scrapeCommand(args: string[], io: Io, usage: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { url: { type: 'string' }, explain: { type: 'boolean' }, pack: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    await write(io.stdout, usage);
    return 0;
  }
  if (!values.url) throw new ScrapeUsageError('scrape: --url URL is required');
  if (positionals.length !== 1) throw new ScrapeUsageError('scrape: exactly one FILE.html is required');
  const file = positionals[0]!;
  const { savedPageProblem, documentFromHtml } = await import('../../lib/sites/saved-page');
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    await write(io.stderr, `pulso scrape: cannot read ${file}: ${(err as Error).message}\n`);
    return 1;
  }
  const problem = savedPageProblem(bytes);
  if (problem) {
    await write(io.stderr, `pulso scrape: ${file}: ${problem}\n`);
    return 1;
  }
  const { selectorsWith, withScrapeOptions } = await import('../../lib/sites/scrape-context');
  let selectors = selectorsWith();
  if (values.pack) {
    let parsed;
    try {
      parsed = SelectorPackSchema.safeParse(JSON.parse(readFileSync(values.pack, 'utf8')));
    } catch (err) {
      await write(io.stderr, `pulso scrape: cannot read the pack ${values.pack}: ${(err as Error).message}\n`);
      return 1;
    }
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      await write(io.stderr, `pulso scrape: ${values.pack} is not a valid selector pack — ${issue.path.join('.') || 'pack'}: ${issue.message}\n`);
      return 1;
    }
    selectors = selectorsWith(parsed.data);
    if (!parsed.data.signature) await write(io.stderr, `pulso scrape: note: ${values.pack} is not signed; the extension would refuse it\n`);
  }
  const { scrapePage } = await import('../../lib/sites/index');
  const { ScrapeTrace } = await import('../../lib/sites/query');
  const { explainScrape } = await import('../../lib/sites/explain');
  const trace = new ScrapeTrace();
  try {
    const result = withScrapeOptions({ selectors, trace }, () => scrapePage(documentFromHtml(bytes.toString('utf8')), values.url!));
    const version = `${selectors.builtIn ? 'built-in' : 'pack'} ${selectors.version}`;
    await write(io.stdout, values.explain ? explainScrape(result, trace, version) : `${JSON.stringify(result)}\n`);
    return 0;
  } catch (err) {
    const e = err as Error;
    await write(io.stderr, `pulso scrape: ${e.name === 'UnsupportedPageError' ? 'unsupported page' : 'cannot scrape'}: ${e.message}\n`);
    return 1;
  }
}
