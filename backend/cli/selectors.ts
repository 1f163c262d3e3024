/**
 * `pulso selectors …`: the admin's side of selector packs.
 *
 *   pulso selectors keygen --out KEY.pem         a new Ed25519 key pair: the private key (PKCS #8
 *                                                PEM, mode 0600) to KEY.pem, the public key (base64)
 *                                                on stdout — pin it in the extension build
 *   pulso selectors export                       the built-in pack (unsigned JSON): start a fix here
 *   pulso selectors sign --key KEY.pem PACK.json the pack, checked and signed, on stdout (or --out FILE)
 *   pulso selectors verify --public-key KEY PACK.json
 *                                                "ok" or why the extension would refuse the pack
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SelectorPackSchema, type SelectorPack } from '../../lib/contracts';
import { write, type CommandIo as Io } from './write';
import {
  checkSelectorPack,
  generateSelectorPackKeys,
  importSelectorPackPrivateKey,
  selectorPackPublicKeyOf,
  signSelectorPack,
} from '../../lib/selector-pack';

export class SelectorsUsageError extends Error {}


function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function describe(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues.slice(0, 5).map((issue) => `  ${issue.path.map(String).join('.') || 'pack'}: ${issue.message}`).join('\n');
}

async function keygen(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  if (!values.out) throw new SelectorsUsageError('selectors keygen: --out KEY.pem is required');
  if (existsSync(values.out)) {
    await write(io.stderr, `pulso selectors keygen: ${values.out} exists; not overwriting a key\n`);
    return 1;
  }
  const { privateKeyPem, publicKey } = await generateSelectorPackKeys();
  writeFileSync(values.out, privateKeyPem, { mode: 0o600 });
  await write(io.stdout, `${publicKey}\n`);
  await write(io.stderr, `pulso selectors keygen: private key written to ${values.out} (keep it off every shared machine); the public key above goes into the extension build (WXT_SELECTOR_PACK_PUBLIC_KEY)\n`);
  return 0;
}

async function exportBuiltIn(io: Io): Promise<number> {
  const { BUILT_IN_SELECTORS, BUILT_IN_SELECTORS_VERSION } = await import('../../lib/sites/scrape-context');
  const pack: SelectorPack = SelectorPackSchema.parse({ version: BUILT_IN_SELECTORS_VERSION, signature: '', sites: BUILT_IN_SELECTORS });
  await write(io.stdout, `${JSON.stringify(pack, null, 2)}\n`);
  return 0;
}

async function sign(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { key: { type: 'string' }, out: { type: 'string' } }, allowPositionals: true });
  if (!values.key) throw new SelectorsUsageError('selectors sign: --key KEY.pem is required');
  if (positionals.length !== 1) throw new SelectorsUsageError('selectors sign: exactly one PACK.json is required');
  let input: unknown;
  let pem: string;
  try {
    input = readJson(positionals[0]!);
    pem = readFileSync(values.key, 'utf8');
  } catch (err) {
    await write(io.stderr, `pulso selectors sign: ${(err as Error).message}\n`);
    return 1;
  }
  const parsed = SelectorPackSchema.safeParse(input);
  if (!parsed.success) {
    await write(io.stderr, `pulso selectors sign: ${positionals[0]} is not a valid selector pack, nothing signed:\n${describe(parsed.error)}\n`);
    return 1;
  }
  let key: CryptoKey;
  try {
    key = await importSelectorPackPrivateKey(pem);
  } catch (err) {
    await write(io.stderr, `pulso selectors sign: ${values.key}: ${(err as Error).message}\n`);
    return 1;
  }
  const signed = await signSelectorPack({ ...parsed.data, signature: '' }, key);
  const text = `${JSON.stringify(signed, null, 2)}\n`;
  if (values.out) writeFileSync(values.out, text);
  else await write(io.stdout, text);
  await write(io.stderr, `pulso selectors sign: signed pack ${signed.version} with the key whose public half is ${await selectorPackPublicKeyOf(key)}\n`);
  return 0;
}

async function verify(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { 'public-key': { type: 'string', multiple: true } }, allowPositionals: true });
  if (!values['public-key']?.length) throw new SelectorsUsageError('selectors verify: --public-key KEY is required');
  if (positionals.length !== 1) throw new SelectorsUsageError('selectors verify: exactly one PACK.json is required');
  let input: unknown;
  try {
    input = readJson(positionals[0]!);
  } catch (err) {
    await write(io.stderr, `pulso selectors verify: ${(err as Error).message}\n`);
    return 1;
  }
  const check = await checkSelectorPack(input, values['public-key']);
  if (check.ok) {
    await write(io.stdout, `ok: selector pack ${check.pack.version} is valid and signed by a trusted key\n`);
    return 0;
  }
  await write(io.stderr, `pulso selectors verify: refused (${check.reason}): ${check.message}\n`);
  return 1;
}

export async function selectorsCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'keygen':
      return keygen(rest, io);
    case 'export':
      return exportBuiltIn(io);
    case 'sign':
      return sign(rest, io);
    case 'verify':
      return verify(rest, io);
    default:
      throw new SelectorsUsageError(`selectors: expected keygen, export, sign or verify${sub ? `, not ${sub}` : ''}`);
  }
}
