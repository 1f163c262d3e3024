import { readFileSync } from 'node:fs';
import { documentFromHtml } from './lib/sites/saved-page';
import { scrapePage } from './lib/sites';
const [file, url] = process.argv.slice(2);
const doc = documentFromHtml(readFileSync(file!, 'utf8'));
console.log(JSON.stringify(scrapePage(doc, url!), null, 2));
