/**
 * The `pulso` command line (bin/pulso.js loads this file through tsx).
 *
 *   pulso scrape --url URL [--explain] [--pack PACK.json] FILE.html
 *                                               one ScrapeResult JSON on stdout (--explain: which
 *                                               selector found each field)
 *   pulso selectors keygen|export|sign|verify   selector packs (see selectors.ts)
 *   pulso classify [--profile PROFILE.json] [FILE]
 *                                               Lead JSON lines or CSV in → one LeadClassification
 *                                               JSON line per input, in order; a bad input line gives
 *                                               {"error": "...", "line": N} at its position, a message
 *                                               on stderr, and exit status 1 at the end
 *   pulso triage [--profile PROFILE.json] [FILE] Conversation JSON lines in → one ConversationTriage
 *                                               JSON line per input (bad lines as for classify)
 *   pulso draft [--profile PROFILE.json] [--strategy S] [--tone T] [FILE]
 *                                               Conversation JSON lines in → one ReplyDraft JSON line
 *                                               per input (bad lines as for classify)
 *   pulso campaign [--profile PROFILE.json] [--templates T.json] [--out FILE] [--rate N] [--concurrency N] [FILE]
 *                                               Lead JSON lines / CSV in → one Campaign JSON line per row,
 *                                               in order; --out resumes an interrupted run
 *   pulso simulate [--seed N] [--rounds N] [--seeds K] [--per-persona N]
 *                                               the learning simulation's summary; last line `lift: X`
 *   pulso serve                                 starts the backend (env as in CONTRACTS.md)
 */
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { CompanyProfile, Conversation, Lead } from '../../lib/contracts';
import { ConfigError, loadConfig, loadProfileFile } from '../config';
import type { WarnLogger } from '../llm/lead-classifier';
import { parseLeadInput } from './input';
import { ScrapeUsageError, scrapeCommand } from './scrape';
import { SelectorsUsageError, selectorsCommand } from './selectors';
import { write } from './write';

export const USAGE = `usage: pulso <command> [options]

commands:
  scrape --url URL [--explain] [--pack PACK.json] FILE.html
                                    parse a saved CRM page; prints one ScrapeResult JSON.
                                    --explain prints which selector (or label) found each
                                    field instead; --pack reads with a selector pack
  selectors keygen --out KEY.pem    new Ed25519 key pair for signing selector packs
  selectors export                  the built-in selector pack (unsigned JSON)
  selectors sign --key KEY.pem PACK.json [--out FILE]
                                    check a selector pack and sign it
  selectors verify --public-key KEY PACK.json
                                    say whether the extension would accept the pack
  classify [--profile PROFILE.json] [FILE]
                                    read Lead JSON lines (or a CSV whose headers are Lead
                                    field names) from FILE or stdin; print one
                                    LeadClassification JSON line per input, in order.
                                    A bad input prints {"error": "...", "line": N} in its
                                    place, a message on stderr, and exit status 1 at the end.
                                    Uses the LLM when LLM_BASE_URL is set, else the rules.
  triage [--profile PROFILE.json] [FILE]
                                    read Conversation JSON lines from FILE or stdin; print
                                    one ConversationTriage JSON line per input, in order.
                                    Bad lines as for classify. LLM when LLM_BASE_URL is set.
  draft [--profile PROFILE.json] [--strategy S] [--tone T] [FILE]
                                    read Conversation JSON lines; print one ReplyDraft JSON
                                    line per input, in order. S: empathetic, technical,
                                    compensation, escalate, follow_up (default: from the
                                    triage); T: shorter, more_formal, friendlier, translate.
                                    Bad lines as for classify. LLM when LLM_BASE_URL is set.
  campaign [--profile PROFILE.json] [--templates T.json] [--out FILE] [--rate N] [--concurrency N] [FILE]
                                    read Lead JSON lines (or {"lead", "context",
                                    "classification"} lines, or a CSV of Lead columns); print
                                    one Campaign JSON line per row, in order, each with the
                                    input "line" it answers; bad rows as for classify. A
                                    progress bar with the ETA on stderr. With --out FILE the
                                    lines go to FILE and an interrupted run (Ctrl-C, kill)
                                    resumes where it stopped when run again. --templates: the
                                    admin's pre-approved templates (default: the profile's);
                                    --rate: at most N rows/s. Uses the LLM when LLM_BASE_URL
                                    is set (N rows at once, default 8, at most
                                    LLM_MAX_CONCURRENCY; a failed row is the labelled rescue).
  simulate [--seed N] [--rounds N] [--seeds K] [--per-persona N]
                                    run the reply-strategy learning simulation: four
                                    personas with a hidden best strategy per context, the
                                    policy against a uniform-random choice over the same
                                    customers; prints cumulative reward, regret, the best
                                    strategy found per context, the lift with its 95%
                                    interval over K seeds (default 10, from N = 1), and
                                    last a line "lift: X". Rounds default 40. Deterministic.
  serve                             start the backend (PORT, HOST, LLM_BASE_URL, ... from env)

options:
  -h, --help                        show this help

Without --profile, classify and triage use PULSO_PROFILE or the demo profile.
`;

/** Where the CLI writes; injectable for in-process tests. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
  /** Subscribes to the user's interrupt (Ctrl-C, kill); returns the unsubscribe. Only long batch commands listen. */
  interrupts?: (handler: () => void) => () => void;
}

const defaultIo = (): CliIo => ({
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  interrupts: (handler) => {
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    };
  },
});

class UsageError extends Error {}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function stderrLogger(io: CliIo): WarnLogger {
  return {
    warn(obj: object, msg?: string) {
      const o = obj as { reason?: string; detail?: string };
      io.stderr.write(`pulso: warning: ${msg ?? ''}${o.reason ? ` (${o.reason}${o.detail ? `: ${o.detail}` : ''})` : ''}\n`);
    },
  };
}


/** Runs `fn` over items with at most `limit` in flight, yielding results in input order. */
async function* inOrder<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  let next = 0;
  const launch = () => {
    while (next < items.length && pending.length < limit) pending.push(fn(items[next++]!));
  };
  launch();
  while (pending.length) {
    const result = await pending.shift()!;
    launch();
    yield result;
  }
}

/** What a line-answering command runs: its engine's mode (for the default concurrency) and the answer to one input. */
interface LineAnswerer<T> {
  mode: 'rules' | 'llm';
  answer(item: T): Promise<object>;
}

/**
 * The shared body of classify, triage and draft: read FILE (or stdin), parse it into inputs,
 * answer each with at most --concurrency in flight (default 8 with the LLM, else 1), and print
 * one JSON line per input in order. A bad input (or an answer that throws) prints
 * {"error", "line"} in its place and a message on stderr; any of them makes the exit status 1.
 */
async function answerLines<T extends { line: number }>(
  io: CliIo,
  command: 'classify' | 'triage' | 'draft',
  options: {
    file: string | undefined;
    concurrency: string | undefined;
    parse: (text: string) => Promise<{ items: Array<T | { line: number; error: string }>; warnings?: string[] }>;
    answerer: () => Promise<LineAnswerer<T>>;
    /** Names the step in the message of an answer that throws ("line N: <failed> failed: ..."). */
    failed: string;
  },
): Promise<number> {
  const { file } = options;
  let text: string;
  try {
    text = file && file !== '-' ? readFileSync(file, 'utf8') : await readAll(io.stdin);
  } catch (err) {
    await write(io.stderr, `pulso ${command}: cannot read ${file}: ${(err as Error).message}\n`);
    return 1;
  }
  const { items, warnings = [] } = await options.parse(text);
  for (const w of warnings) await write(io.stderr, `pulso ${command}: ${w}\n`);

  const answerer = await options.answerer();
  const concurrency = Math.max(1, Math.min(64, Number(options.concurrency ?? (answerer.mode === 'llm' ? 8 : 1)) || 1));
  let failed = 0;
  const results = inOrder(items, concurrency, async (item): Promise<object> => {
    if ('error' in item) return { error: item.error, line: item.line };
    try {
      return await answerer.answer(item);
    } catch (err) {
      return { error: `line ${item.line}: ${options.failed} failed: ${(err as Error).message}`, line: item.line };
    }
  });
  for await (const result of results) {
    if ('error' in result) {
      failed++;
      await write(io.stderr, `pulso ${command}: ${(result as { error: string }).error}\n`);
    }
    await write(io.stdout, `${JSON.stringify(result)}\n`);
  }
  if (failed) await write(io.stderr, `pulso ${command}: ${failed} of ${items.length} input(s) failed\n`);
  return failed ? 1 : 0;
}

/** The options classify, triage and draft share. */
const LINE_OPTIONS = {
  profile: { type: 'string' },
  concurrency: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

/** The arguments of a line-answering command (LINE_OPTIONS and `extra`, at most one FILE); undefined once the help is printed. */
async function lineCommandArgs<E extends ParseArgsOptionsConfig>(args: string[], io: CliIo, command: 'classify' | 'triage' | 'draft', extra: E) {
  const parsed = parseArgs({ args, options: { ...LINE_OPTIONS, ...extra }, allowPositionals: true });
  if ((parsed.values as { help?: boolean }).help) {
    await write(io.stdout, USAGE);
    return undefined;
  }
  if (parsed.positionals.length > 1) throw new UsageError(`${command}: at most one FILE`);
  return parsed;
}

async function classify(args: string[], io: CliIo): Promise<number> {
  const parsed = await lineCommandArgs(args, io, 'classify', {});
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const config = loadConfig(io.env);
  const profile: CompanyProfile = values.profile ? loadProfileFile(values.profile) : config.profile;
  const file = positionals[0];
  return answerLines<{ line: number; lead: Lead }>(io, 'classify', {
    file,
    concurrency: values.concurrency,
    parse: async (text) => parseLeadInput(text, file),
    answerer: async () => {
      const { createLeadClassifier } = await import('../llm/lead-classifier');
      const classifier = createLeadClassifier(config.llm, { logger: stderrLogger(io) });
      return { mode: classifier.mode, answer: (item) => classifier.classify(item.lead, profile) };
    },
    failed: 'classification',
  });
}

async function triage(args: string[], io: CliIo): Promise<number> {
  const parsed = await lineCommandArgs(args, io, 'triage', {});
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const config = loadConfig(io.env);
  const profile: CompanyProfile = values.profile ? loadProfileFile(values.profile) : config.profile;
  return answerLines<{ line: number; conversation: Conversation }>(io, 'triage', {
    file: positionals[0],
    concurrency: values.concurrency,
    parse: parseConversations,
    answerer: async () => {
      const { createConversationTriager } = await import('../llm/conversation-triage');
      const triager = createConversationTriager(config.llm, { logger: stderrLogger(io) });
      return { mode: triager.mode, answer: (item) => triager.triage(item.conversation, profile) };
    },
    failed: 'triage',
  });
}

async function draft(args: string[], io: CliIo): Promise<number> {
  const parsed = await lineCommandArgs(args, io, 'draft', { strategy: { type: 'string' }, tone: { type: 'string' } });
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const { DRAFT_STRATEGIES, DRAFT_TONE_ACTIONS } = await import('../../lib/contracts');
  const strategy = values.strategy as (typeof DRAFT_STRATEGIES)[number] | undefined;
  const tone = values.tone as (typeof DRAFT_TONE_ACTIONS)[number] | undefined;
  if (strategy !== undefined && !DRAFT_STRATEGIES.includes(strategy)) throw new UsageError(`draft: --strategy must be one of ${DRAFT_STRATEGIES.join(', ')}`);
  if (tone !== undefined && !DRAFT_TONE_ACTIONS.includes(tone)) throw new UsageError(`draft: --tone must be one of ${DRAFT_TONE_ACTIONS.join(', ')}`);
  const config = loadConfig(io.env);
  const profile: CompanyProfile = values.profile ? loadProfileFile(values.profile) : config.profile;
  return answerLines<{ line: number; conversation: Conversation }>(io, 'draft', {
    file: positionals[0],
    concurrency: values.concurrency,
    parse: parseConversations,
    answerer: async () => {
      const { createReplyDrafter } = await import('../llm/reply-drafter');
      const drafter = createReplyDrafter(config.llm, { logger: stderrLogger(io) });
      return { mode: drafter.mode, answer: (item) => drafter.draft(item.conversation, profile, { strategy, tone }) };
    },
    failed: 'draft',
  });
}

/** Conversation JSON lines (triage and draft). */
async function parseConversations(text: string) {
  const { parseConversationLines } = await import('./conversation-input');
  return { items: parseConversationLines(text) };
}

/** A whole number option within bounds, or a usage error naming it. */
function intOption(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

async function simulate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      seed: { type: 'string' },
      rounds: { type: 'string' },
      seeds: { type: 'string' },
      'per-persona': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    await write(io.stdout, USAGE);
    return 0;
  }
  if (positionals.length) throw new UsageError('simulate: takes no FILE');
  const { simulate: run } = await import('./simulate');
  const lines = run({
    seed: intOption('seed', values.seed, 1, 0, 2 ** 31),
    rounds: intOption('rounds', values.rounds, 40, 1, 1_000),
    seeds: intOption('seeds', values.seeds, 10, 1, 100),
    perPersona: intOption('per-persona', values['per-persona'], 50, 1, 1_000),
  });
  await write(io.stdout, `${lines.join('\n')}\n`);
  return 0;
}

async function campaign(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      profile: { type: 'string' },
      templates: { type: 'string' },
      out: { type: 'string' },
      rate: { type: 'string' },
      concurrency: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    await write(io.stdout, USAGE);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('campaign: at most one FILE');
  const rate = values.rate === undefined ? undefined : Number(values.rate);
  if (rate !== undefined && !(rate > 0 && rate <= 100_000)) throw new UsageError(`--rate must be a number of rows per second above 0, got "${values.rate}"`);
  const config = loadConfig(io.env);
  const profile: CompanyProfile = values.profile ? loadProfileFile(values.profile) : config.profile;
  const file = positionals[0];
  let text: string;
  try {
    text = file && file !== '-' ? readFileSync(file, 'utf8') : await readAll(io.stdin);
  } catch (err) {
    await write(io.stderr, `pulso campaign: cannot read ${file}: ${(err as Error).message}\n`);
    return 1;
  }
  const { runCampaignCommand, loadCampaignTemplates, CampaignCommandError } = await import('./campaign');
  const { createCampaignWriter } = await import('../llm/campaign-writer');
  const writer = createCampaignWriter(config.llm, { logger: stderrLogger(io) });
  // With the LLM, several rows at once — never more than the upstream is provisioned for (LLM_MAX_CONCURRENCY).
  const maxInFlight = config.admission.maxConcurrency;
  const concurrency = writer.mode === 'llm' ? intOption('concurrency', values.concurrency, Math.min(8, maxInFlight), 1, maxInFlight) : 1;
  const interrupted = { requested: false };
  const unsubscribe = io.interrupts?.(() => {
    interrupted.requested = true;
  });
  try {
    return await runCampaignCommand({
      file,
      text,
      out: values.out,
      rate,
      profile,
      templates: values.templates ? loadCampaignTemplates(values.templates) : undefined,
      writer,
      concurrency,
      stdout: (line) => write(io.stdout, line),
      stderr: (t) => io.stderr.write(t),
      stderrIsTty: (io.stderr as { isTTY?: boolean }).isTTY === true,
      interrupted,
    });
  } catch (err) {
    if (err instanceof CampaignCommandError) {
      await write(io.stderr, `pulso campaign: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    unsubscribe?.();
  }
}

async function serve(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    await write(io.stdout, USAGE);
    return 0;
  }
  const config = loadConfig(io.env);
  const { serveBackend } = await import('../cluster/serve');
  await serveBackend(config);
  return 0;
}

/** Runs the CLI; resolves to the exit status (serve resolves once listening). */
export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'scrape':
        return await scrapeCommand(rest, io, USAGE);
      case 'selectors':
        return await selectorsCommand(rest, io);
      case 'classify':
        return await classify(rest, io);
      case 'triage':
        return await triage(rest, io);
      case 'draft':
        return await draft(rest, io);
      case 'campaign':
        return await campaign(rest, io);
      case 'simulate':
        return await simulate(rest, io);
      case 'serve':
        return await serve(rest, io);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        await write(command === undefined ? io.stderr : io.stdout, USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command: ${command}`);
    }
  } catch (err) {
    if (
      err instanceof UsageError ||
      err instanceof ScrapeUsageError ||
      err instanceof SelectorsUsageError ||
      (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      await write(io.stderr, `pulso: ${(err as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof ConfigError) {
      await write(io.stderr, `pulso: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
