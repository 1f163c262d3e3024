import { defineConfig } from 'wxt';
import tailwindcss from '@tailwindcss/vite';
import { SITE_HOSTS } from './lib/sites/registry';
import { PINNED_KEYS_ENV, PINNED_KEYS_FILE, pinnedKeysFileFor } from './lib/selector-pack/pinned-keys';

// Least privilege: the CRM hosts and a backend on this machine. Any other backend
// origin is granted at run time (optional host permission), never baked in.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Store packages (`npx wxt zip`, `npx wxt zip -b firefox`). Firefox's also gets the sources
  // Mozilla's reviewers rebuild it from: only what reaches the bundle, plus how to build it
  // (e2e/store-packages.spec.ts rebuilds from that zip and compares the result file by file).
  zip: {
    includeSources: [
      'entrypoints/**', 'components/**', 'lib/**', 'public/**', 'assets/**', 'locales/**', 'utils/**', 'hooks/**', 'modules/**',
      'package.json', 'package-lock.json', 'tsconfig.json', 'wxt.config.ts', 'app.config.ts', 'docs/store-packages.md',
    ],
  },
  hooks: {
    // The selector-pack keys this build trusts, pinned in the package (lib/selector-pack/pinned-keys.ts):
    // none unless the build sets WXT_SELECTOR_PACK_PUBLIC_KEY (docs/selector-packs.md).
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: PINNED_KEYS_FILE, contents: pinnedKeysFileFor(process.env[PINNED_KEYS_ENV]) });
    },
  },
  vite: () => ({
    plugins: [tailwindcss()],
  }),
  manifest: ({ browser }) => ({
    // The browser's own catalogue (public/_locales) names Pulso in the extensions page and store.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // alarms: the daily history trim. activeTab: the popup reads the current tab's URL to say
    // whether Pulso supports it (CRM hosts are readable anyway through the host permissions).
    // scripting: the background injects the CKEditor bridge into a Zendesk or Salesforce page's own
    // world when a draft is shown there (lib/background/ckeditor-bridge.ts); the host permissions
    // below already cover those hosts, and neither Chrome nor Firefox shows a warning for it.
    // Firefox offers it to MV2 add-ons too (102+; the page's world, `world: 'MAIN'`, since 128:
    // an older Firefox refuses the injection and the insertion pastes).
    permissions: ['storage', 'alarms', 'activeTab', 'scripting'],
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_togglePanel__',
      },
    },
    // The CRM hosts come from the sites' registry (lib/sites/registry.ts), like each content script's `matches`.
    host_permissions: [...SITE_HOSTS, 'http://127.0.0.1/*', 'http://localhost/*'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    // The UI chunk the content scripts import when a page has something to show
    // (modules/content-ui.ts): readable by the CRM pages only, through a per-session URL.
    web_accessible_resources: [{ resources: ['content-ui/*'], matches: [...SITE_HOSTS], use_dynamic_url: true }],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'pulso@pulso.app',
          // Lead and chat text read from the CRM goes to the team's own backend.
          data_collection_permissions: { required: ['personallyIdentifyingInfo', 'websiteContent'] },
        },
      },
    }),
  }),
});
