import type { Plugin } from 'vite';
import { addViteConfig, defineWxtModule } from 'wxt/modules';

// The extension runs zod jitless (lib/zod-jitless.ts, imported first by every entry point), so
// zod's JIT is dead code there: its compiler, and the probe that tries `Function("")` to learn
// whether eval is allowed. This drops both from the bundles, so nothing in them builds code at
// run time (Mozilla's web-ext lint reports each as eval). If an upgrade of zod moves that code,
// the build fails here instead of shipping it silently.
const DEAD_JIT_CODE: { file: RegExp; code: RegExp; replacement: string }[] = [
  {
    file: /[\\/]zod[\\/]v4[\\/]core[\\/]doc\.js$/,
    code: /compile\(\) \{\n\s+const F = Function;[\s\S]*?\n {4}\}\n/,
    replacement: 'compile() {\n        throw new Error("zod runs jitless in the extension (lib/zod-jitless.ts)");\n    }\n',
  },
  {
    file: /[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/,
    code: /try \{\n\s+const F = Function;\n\s+new F\(""\);\n\s+return true;\n\s+\}\n\s+catch \(_\) \{\n\s+return false;\n\s+\}/,
    replacement: 'return false;',
  },
  {
    // recharts' decimal.js-light (the team page), browser build: a UMD wrapper that finds the
    // global object with `Function('return this')()` when `self` is missing. Pages always have
    // `globalThis`; the eval is dead code there.
    file: /[\\/]decimal\.js-light[\\/]decimal\.js$/,
    code: /Function\('return this'\)\(\)/,
    replacement: 'globalThis',
  },
];

export function zodWithoutJit(): Plugin {
  return {
    name: 'pulso:zod-without-jit',
    enforce: 'pre',
    transform(code, id) {
      const dead = DEAD_JIT_CODE.find((entry) => entry.file.test(id));
      if (!dead) return null;
      if (!dead.code.test(code)) this.error(`zod's JIT code is no longer where modules/zod-jitless.ts expects it (${id})`);
      return { code: code.replace(dead.code, dead.replacement), map: null };
    },
  };
}

export default defineWxtModule({
  name: 'pulso:zod-jitless',
  setup(wxt) {
    addViteConfig(wxt, () => ({ plugins: [zodWithoutJit()] }));
  },
});
