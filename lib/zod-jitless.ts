import { config } from 'zod/v4/core';

// The extension validates with zod's interpreter, never its JIT: the JIT compiles validators
// with `new Function`, which extension pages' CSP refuses (zod would probe for it and fall
// back) and which store reviewers flag as eval. The build also drops that code from the
// bundles (modules/zod-jitless.ts). Imported first by every entry point of the extension.
// zod's core holds the one setting both its APIs read (classic `zod`, `zod/mini` in the CKEditor
// bridge): importing it from there keeps the whole classic API out of a script that uses mini.
config({ jitless: true });
