import { startEarlyRead } from '@/lib/content/early-read';
import { ALL_CRM_HOSTS } from '@/lib/sites/hosts';

// On every CRM host, at document_start: only the storage read the site's script starts from,
// so that round trip overlaps the page's loading instead of following the site's script.
export default defineContentScript({
  matches: [...ALL_CRM_HOSTS],
  runAt: 'document_start',
  main: startEarlyRead,
});
