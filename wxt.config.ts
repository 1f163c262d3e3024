import { defineConfig } from 'wxt';
import tailwindcss from '@tailwindcss/vite';

// Least privilege: only the CRM hosts. The backend origin is granted at run time
// (optional host permission), so it never has to be baked into the manifest.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  vite: () => ({
    plugins: [tailwindcss()],
  }),
  manifest: {
    name: 'Pulso',
    description: 'AI side panel for HubSpot, Salesforce, Zendesk and WhatsApp Web',
    permissions: ['storage'],
    host_permissions: ['https://*.hubspot.com/*'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
  },
});
