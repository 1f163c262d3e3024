// Adds up the vitest and Playwright JSON reports into the closing lines CI reads:
//
//   tests: 812 passed in 640 distinct test bodies (the rest are rows of a table test)
//   flaky: 1 passed only on a retry, not counted as passed: e2e/x.spec.ts:12 › title
//   812 passed, 0 failed
//
// A test that failed and then passed on Playwright's retry is flaky: it is listed, and not
// counted as passed. A test body is one `test(...)`/`it(...)` in the source; `it.each`
// tables and loops that declare many tests from one body count once there.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** @typedef {{ passed: number, failed: number, skipped: number, flaky: string[], bodies: Set<string>, failures: string[] }} Tally */

/** @returns {Tally} */
export function emptyTally() {
  return { passed: 0, failed: 0, skipped: 0, flaky: [], bodies: new Set(), failures: [] };
}

/** Vitest's JSON report (needs `includeTaskLocation` for the body count). */
export function addVitest(tally, report) {
  for (const file of report.testResults ?? []) {
    const name = relative(process.cwd(), file.name);
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'passed') {
        tally.passed++;
        tally.bodies.add(test.location ? `${name}:${test.location.line}:${test.location.column}` : `${name} › ${test.fullName}`);
      } else if (test.status === 'failed') {
        tally.failed++;
        tally.failures.push(`${name} › ${test.fullName}`);
      } else {
        tally.skipped++;
      }
    }
    // A file that failed to load has no assertion results but is a failure.
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) {
      tally.failed++;
      tally.failures.push(`${name} (did not load: ${String(file.message ?? '').split('\n')[0]})`);
    }
  }
}

/** Playwright's JSON report: outcome per test is expected | unexpected | flaky | skipped. */
export function addPlaywright(tally, report) {
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const where = `${spec.file}:${spec.line}`;
        const label = `${where} › ${[...titles, spec.title].filter(Boolean).join(' › ')}`;
        if (test.status === 'expected') {
          tally.passed++;
          tally.bodies.add(`${spec.file}:${spec.line}:${spec.column}`);
        } else if (test.status === 'flaky') {
          tally.flaky.push(label);
        } else if (test.status === 'unexpected') {
          tally.failed++;
          tally.failures.push(label);
        } else {
          tally.skipped++;
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child, suite.title && !suite.title.endsWith('.ts') ? [...titles, suite.title] : titles);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  // Errors outside any test (a crashed worker, a broken config) fail the run too.
  for (const error of report.errors ?? []) {
    tally.failed++;
    tally.failures.push(`playwright: ${String(error.message ?? error).split('\n')[0]}`);
  }
}

export function summarize(files) {
  const tally = emptyTally();
  for (const file of files) {
    if (!existsSync(file)) {
      tally.failed++;
      tally.failures.push(`missing test report ${file} (that suite did not run)`);
      continue;
    }
    const report = JSON.parse(readFileSync(file, 'utf8'));
    if ('numPassedTests' in report) addVitest(tally, report);
    else addPlaywright(tally, report);
  }
  const lines = [];
  if (tally.failures.length) lines.push('', 'failed:', ...tally.failures.map((f) => `  ${f}`));
  lines.push('');
  lines.push(`tests: ${tally.passed} passed in ${tally.bodies.size} distinct test bodies (the rest are rows of table tests)`);
  if (tally.flaky.length) {
    lines.push(`flaky: ${tally.flaky.length} passed only on a retry, not counted as passed:`, ...tally.flaky.map((f) => `  ${f}`));
  }
  lines.push(`${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ''}`);
  return { tally, text: lines.join('\n') };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { tally, text } = summarize(process.argv.slice(2));
  console.log(text);
  process.exit(tally.failed > 0 ? 1 : 0);
}
