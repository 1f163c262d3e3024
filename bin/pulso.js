#!/usr/bin/env node
// Launcher for the `pulso` command: loads the TypeScript CLI through tsx, from any cwd.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../backend/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
