import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineWxtModule } from 'wxt/modules';

// zod's classic API gives every schema a JSON-Schema generator (`.toJSONSchema()`, the Standard
// Schema `jsonSchema` property, a processor per type): two modules the bundler cannot drop,
// about 5 KB gzipped of every content script, which only validate and never describe a schema
// (JSON Schemas are for the LLM's answer formats, in the backend: lib/llm/json-schema.ts). In
// the content scripts' builds (and the UI chunk's, which reuses their settings:
// modules/content-ui.ts) classic's imports of those two modules resolve to stand-ins with the
// same exports that throw when called. If an upgrade of zod moves them, the build fails here.
const JSON_SCHEMA_MODULES = ['../core/json-schema-processors.js', '../core/to-json-schema.js'];
const CLASSIC_SCHEMAS = /[\\/]zod[\\/]v4[\\/]classic[\\/]schemas\.js$/;
const STAND_IN = '\0pulso:no-json-schema:';

/** The names a module exports (`export function|const|class x`, `export { a as b }`). */
function exportedNames(code: string): string[] {
  const declared = [...code.matchAll(/^export (?:async )?(?:function\*?|const|let|class) ([\w$]+)/gm)].map((match) => match[1]!);
  const listed = [...code.matchAll(/^export \{([^}]*)\}/gm)].flatMap((match) => match[1]!.split(',').map((part) => part.trim().split(/\s+as\s+/).pop()!));
  return [...new Set([...declared, ...listed].filter(Boolean))];
}

export function zodWithoutJsonSchema(): Plugin {
  return {
    name: 'pulso:zod-without-json-schema',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !CLASSIC_SCHEMAS.test(importer) || !JSON_SCHEMA_MODULES.includes(source)) return null;
      return STAND_IN + resolve(dirname(importer), source);
    },
    load(id) {
      if (!id.startsWith(STAND_IN)) return null;
      const real = id.slice(STAND_IN.length);
      const names = exportedNames(readFileSync(real, 'utf8'));
      if (names.length === 0) this.error(`modules/content-no-json-schema.ts found no exports in ${real}`);
      return [
        'const unavailable = () => { throw new Error("zod JSON Schema generation is not built into the content scripts (modules/content-no-json-schema.ts)"); };',
        // createToJSONSchemaMethod / createStandardJSONSchemaMethod make a schema's methods (reading
        // `~standard` makes one): they still do, and the method throws when called.
        ...names.map((name) => `export const ${name} = ${/^create\w*Method$/.test(name) ? '() => unavailable' : 'unavailable'};`),
      ].join('\n');
    },
  };
}

export default defineWxtModule({
  name: 'pulso:content-no-json-schema',
  setup(wxt) {
    wxt.hooks.hook('vite:build:extendConfig', (entrypoints, config) => {
      if (!entrypoints.every((entry) => entry.type === 'content-script')) return;
      config.plugins = [...(config.plugins ?? []), zodWithoutJsonSchema()];
    });
  },
});
