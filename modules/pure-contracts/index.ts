import { addViteConfig, defineWxtModule } from 'wxt/modules';
import { pureContracts } from './mark-pure';

// Every bundle of the extension keeps, and builds at load, only the lib/contracts schemas it uses
// (./mark-pure.ts); the content scripts' (and the UI chunk's, which reuses their settings:
// modules/content-ui.ts) build each of those by its first use instead (./lazy-schema.ts).
export default defineWxtModule({
  name: 'pulso:pure-contracts',
  setup(wxt) {
    addViteConfig(wxt, () => ({ plugins: [pureContracts()] }));
    wxt.hooks.hook('vite:build:extendConfig', (entrypoints, config) => {
      if (!entrypoints.every((entry) => entry.type === 'content-script')) return;
      config.plugins = (config.plugins ?? []).map((plugin) =>
        plugin && typeof plugin === 'object' && 'name' in plugin && plugin.name === 'pulso:pure-contracts' ? pureContracts({ lazy: true }) : plugin,
      );
    });
  },
});
