import { benchBackend, formatBackendBench, formatRulesThroughput, rulesThroughput } from './backend.bench';
import { benchBadges } from './badges.bench';
import { benchBundles, benchCkeditorBridge, benchUiChunk } from './bundle.bench';
import { benchCampaignBatch, benchCampaignLatency, benchCampaignStream, formatCampaignStream } from './campaign.bench';
import { benchComposer } from './composer.bench';
import { benchConversationRules, benchRetriage } from './conversation.bench';
import { benchPageLoad } from './page-load.bench';
import { benchPanel } from './panel.bench';
import { benchProxySteady } from './proxy-steady.bench';
import { benchLongDescription, benchRules } from './rules.bench';
import { benchScrapes } from './scrape.bench';
import { benchFeedbackIngest, formatIngest } from './store-ingest.bench';
import { benchFeedbackRoute, formatFeedbackRoute } from './feedback-route.bench';
import { fmt } from './stats';

const ratio = (value: number, target: number) => `${fmt(value / target, 2)}× of target`;

// `npm run bench -- page-load badges` runs only those sections (names below); no name runs them all.
const only = process.argv.slice(2);
const want = (section: string) => only.length === 0 || only.includes(section);

console.log('Pulso benchmarks — figures, and the ratio to each target (< 1.00× meets it)\n');

if (want('rules')) {
  const rules = benchRules();
  console.log(`rules engine: ${rules.rounds} classifications over ${rules.leads} leads`);
  console.log(`  mean ${fmt(rules.meanMs, 4)} ms/lead, p50 ${fmt(rules.p50Ms, 4)} ms, p99 ${fmt(rules.p99Ms, 4)} ms  (target < 1 ms: ${ratio(rules.meanMs, 1)})`);

  const long = benchLongDescription();
  console.log(`rules engine, a ${long.chars}-character description: p50 ${fmt(long.p50Ms, 3)} ms, p99 ${fmt(long.p99Ms, 3)} ms  (target < 5 ms: ${ratio(long.p50Ms, 5)})`);
}

if (want('scrape')) {
  for (const scrape of benchScrapes()) {
    const target = scrape.target;
    console.log(`scrape ${scrape.name} (Node, saved page): p50 ${fmt(scrape.p50, 2)} ms, p99 ${fmt(scrape.p99, 2)} ms  (target < ${target} ms${scrape.list ? ', one long task' : ''}: ${ratio(scrape.p50, target)})`);
  }
}

if (want('bundle')) {
  for (const bundle of benchBundles()) {
    console.log(`content scripts ${bundle.file} (run at every page load): ${fmt(bundle.rawKb, 1)} KB raw, ${fmt(bundle.gzipKb, 1)} KB gzipped  (target < 50 KB: ${ratio(bundle.gzipKb, 50)})`);
  }
  const bridge = benchCkeditorBridge();
  console.log(`CKEditor bridge ${bridge.file} (injected into a Zendesk or Salesforce page when a draft is shown, Chrome and Firefox): ${fmt(bridge.rawKb, 1)} KB raw, ${fmt(bridge.gzipKb, 1)} KB gzipped`);
  const ui = benchUiChunk();
  console.log(`UI chunk content-ui/${ui.file} (loaded when a page has something to show): ${fmt(ui.rawKb, 1)} KB raw, ${fmt(ui.gzipKb, 1)} KB gzipped`);
}

if (want('panel')) {
  const panel = await benchPanel();
  console.log(`panel on a HubSpot contact, backend in rules mode, ${panel.runs} runs each`);
  console.log('  in-app navigation, from the record DOM rendered:');
  console.log(`    record ready → backend result painted (cold): p50 ${fmt(panel.spaColdP50, 1)} ms, max ${fmt(panel.spaColdMax, 1)} ms  (target < 300 ms: ${ratio(panel.spaColdP50, 300)})`);
  console.log(`    record ready → cache hit painted (warm): p50 ${fmt(panel.spaWarmP50, 1)} ms, max ${fmt(panel.spaWarmMax, 1)} ms  (target < 50 ms: ${ratio(panel.spaWarmP50, 50)})`);
  console.log('  full page load, from DOMContentLoaded to the full panel (UI chunk) showing it (includes the browser injecting the content script):');
  console.log(`    rules preview painted: p50 ${fmt(panel.previewP50, 1)} ms`);
  console.log(`    backend result painted (cold): p50 ${fmt(panel.coldFinalP50, 1)} ms, max ${fmt(panel.coldFinalMax, 1)} ms  (target < 150 ms: ${ratio(panel.coldFinalP50, 150)})`);
  console.log(`    cache hit painted (warm): p50 ${fmt(panel.warmP50, 1)} ms, max ${fmt(panel.warmMax, 1)} ms`);
}

if (want('page-load')) {
  const load = await benchPageLoad();
  console.log(`page load, static HubSpot contact, Pulso beside a floor extension (paints "P4" in a shadow root at document_end), ${load.runs} interleaved runs, from DOMContentLoaded:`);
  console.log(`  UI host attached: Pulso p50 ${fmt(load.host.pulso, 0)} ms, floor p50 ${fmt(load.host.floor, 0)} ms`);
  console.log(`  first result painted: Pulso p50 ${fmt(load.result.pulso, 0)} ms, floor p50 ${fmt(load.result.floor, 0)} ms`);
  console.log(`  Pulso after the floor: p50 ${fmt(load.resultOverFloor, 0)} ms, max ${fmt(load.resultOverFloorMax, 0)} ms  (target ≤ 100 ms: ${ratio(load.resultOverFloor, 100)})`);
  console.log(`  long tasks until the first result: Pulso longest ${fmt(load.longestTask.pulso, 0)} ms (p50 ${fmt(load.longTasks.pulso, 0)} tasks), floor longest ${fmt(load.longestTask.floor, 0)} ms (p50 ${fmt(load.longTasks.floor, 0)})  (target: none of Pulso's over 50 ms)`);
  console.log(
    `  full panel (UI chunk loaded and rendered): Pulso p50 ${fmt(load.view, 0)} ms; long tasks from navigation until then: Pulso longest ${fmt(load.longestTaskToView.pulso, 0)} ms (p50 ${fmt(load.longTasksToView.pulso, 0)} tasks), floor longest ${fmt(load.longestTaskToView.floor, 0)} ms (p50 ${fmt(load.longTasksToView.floor, 0)})  (target: none of Pulso's over 50 ms)`,
  );
  console.log(
    `  extension script parsed: Pulso ${fmt(load.scriptKb.pulso, 1)} KB before the first result (content scripts declared for HubSpot: ${fmt(load.scriptKb.declaredForHubspot, 1)} KB) + UI chunk ${fmt(load.scriptKb.pulsoUiChunk, 1)} KB after it; floor ${fmt(load.scriptKb.floor, 1)} KB`,
  );
  console.log(`page that replaces 40 nodes per frame for ${load.churn.seconds} s (${load.churn.runs} interleaved runs each): script time Pulso p50 ${fmt(load.churn.pulsoScriptMs, 0)} ms, floor p50 ${fmt(load.churn.floorScriptMs, 0)} ms`);
  console.log(`  Pulso adds ${fmt(load.churn.addedScriptMsPerSecond, 1)} ms of script per second (target ≤ 10 ms/s: ${ratio(load.churn.addedScriptMsPerSecond, 10)}), main-thread task time ${fmt(load.churn.addedTaskPercent, 1)} % (target ≤ +5 %)`);
}

if (want('badges')) {
  const badges = await benchBadges();
  console.log(`list badges, HubSpot contacts list (${badges.rows} rows), upstream 300 ms per lead, ${badges.runs} runs each (from DOMContentLoaded):`);
  console.log(`  all badges painted, cold: p50 ${fmt(badges.coldP50, 0)} ms, max ${fmt(badges.coldMax, 0)} ms  (target < 1500 ms: ${ratio(badges.coldP50, 1500)})`);
  console.log(`  all badges painted, warm (cache): p50 ${fmt(badges.warmP50, 0)} ms, max ${fmt(badges.warmMax, 0)} ms, upstream calls ${badges.warmUpstreamCalls}  (target < 100 ms: ${ratio(badges.warmP50, 100)})`);
  console.log(
    `  from the content script's first badge (0 when the cached answers come first: each badge is then drawn once, final): cold p50 ${fmt(badges.coldFromFirstBadgeP50, 0)} ms, warm p50 ${fmt(badges.warmFromFirstBadgeP50, 0)} ms  (warm vs 100 ms: ${ratio(badges.warmFromFirstBadgeP50, 100)})`,
  );
  console.log(`  longest task on the page's main thread: ${fmt(badges.longestTaskMs, 0)} ms; tasks over 50 ms: ${badges.longTasksOver50}  (target: none over 50 ms); badges that ended in an error: ${badges.errorBadges}`);
}

if (want('campaign')) {
  const campaign = benchCampaignLatency();
  console.log(
    `campaign, rules mode (${campaign.records} records with a timeline and a deal stage, ${campaign.runs} runs): p50 ${fmt(campaign.p50, 2)} ms, p99 ${fmt(campaign.p99, 2)} ms, first in the process ${fmt(campaign.coldMs, 1)} ms  (target < 50 ms: ${ratio(campaign.p99, 50)} at p99)`,
  );
  console.log(formatCampaignStream(await benchCampaignStream()));
  const batch = await benchCampaignBatch();
  console.log(`pulso campaign over a ${batch.rows}-row CSV, rules mode, --out: ${batch.written} rows in ${fmt(batch.seconds, 2)} s → ${fmt(batch.rowsPerSecond, 0)} rows/s (exit ${batch.code})`);
}

if (want('conversation')) {
  const conversationRules = benchConversationRules();
  console.log(
    `conversation rules, ${conversationRules.messages}-message chat: triage p50 ${fmt(conversationRules.triage.p50, 2)} ms (p99 ${fmt(conversationRules.triage.p99, 2)}), draft p50 ${fmt(conversationRules.draft.p50, 2)} ms (p99 ${fmt(conversationRules.draft.p99, 2)})`,
  );
  const retriage = await benchRetriage();
  console.log(`new WhatsApp message → triage refreshed in the panel (rules mode, ${retriage.runs} runs): p50 ${fmt(retriage.p50, 0)} ms, max ${fmt(retriage.max, 0)} ms  (target < 300 ms: ${ratio(retriage.p50, 300)})`);
}

if (want('composer')) {
  for (const editor of await benchComposer()) {
    if ('skipped' in editor) {
      console.log(`insert a draft into ${editor.name}: skipped, ${editor.skipped}`);
      continue;
    }
    console.log(
      `insert a draft into ${editor.name}: first on the page p50 ${fmt(editor.p50, 1)} ms (max ${fmt(editor.max, 1)}), again p50 ${fmt(editor.repeatP50, 1)} ms; the editor's own first paste into a composer the agent focused p50 ${fmt(editor.floorP50, 1)} ms  (target < 50 ms: ${ratio(editor.p50, 50)} first, ${ratio(editor.repeatP50, 50)} again)`,
    );
  }
}

const proxySteadyLine = (steady: Awaited<ReturnType<typeof benchProxySteady>>) =>
  `  proxy overhead, instant upstream, one client at a time (${steady.rounds} requests each): direct p50 ${fmt(steady.directP50, 2)} ms, through the backend p50 ${fmt(steady.proxiedP50, 2)} ms → overhead p50 ${fmt(steady.overheadP50, 2)} ms  (target ≤ 2 ms: ${ratio(steady.overheadP50, 2)})`;

if (want('backend')) {
  const backend = await benchBackend();
  for (const line of formatBackendBench(backend, ratio)) console.log(line);
  console.log(proxySteadyLine(await benchProxySteady()));
}

// `proxy`: only the steady proxy-overhead figure (the backend section includes it too).
if (only.includes('proxy')) console.log(proxySteadyLine(await benchProxySteady()));

// `rules-rps`: only the rules-mode throughput of pulso serve (the backend section includes it too), for profiling it.
if (only.includes('rules-rps')) console.log(formatRulesThroughput(await rulesThroughput(), ratio));

if (want('ingest')) {
  for (const line of formatIngest(await benchFeedbackIngest())) console.log(line);
  for (const line of formatFeedbackRoute(await benchFeedbackRoute())) console.log(line);
}
