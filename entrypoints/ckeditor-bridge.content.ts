import '@/lib/zod-jitless';
import { installCkeditorModelBridge } from '@/lib/composer/ckeditor-model-bridge';
import { CRM_HOSTS } from '@/lib/sites/hosts';

// The CRMs whose composers are CKEditor 5 (Zendesk's ticket composer, Salesforce Lightning's
// email body): a small listener in the page's own world, where the editor instance lives, so
// a draft goes straight into CKEditor's model (lib/composer/insert-with-ckeditor-model.ts).
// Chrome only: Firefox MV2 has no MAIN-world content scripts, and there the paste does it.
export default defineContentScript({
  matches: [...CRM_HOSTS.zendesk, ...CRM_HOSTS.salesforce],
  world: 'MAIN',
  exclude: ['firefox'],
  runAt: 'document_idle',
  main: () => installCkeditorModelBridge(document),
});
