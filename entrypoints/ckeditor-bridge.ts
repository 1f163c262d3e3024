import '@/lib/zod-jitless';
import { installCkeditorModelBridge } from '@/lib/composer/ckeditor-model-bridge';

// The listener in the page's own world that hands a draft to CKEditor 5's model (Zendesk's ticket
// composer, Salesforce Lightning's email body; lib/composer/insert-with-ckeditor-model.ts). Not a
// content script: nothing of it runs at page load. The background injects it into the frame that
// asks, the first time a draft is shown there (lib/background/ckeditor-bridge.ts), and
// executeScript answers with main's value: true once it listens. Both builds: Firefox's MV2
// build injects it through the same `scripting` API.
export default defineUnlistedScript({
  main: () => installCkeditorModelBridge(document),
});
