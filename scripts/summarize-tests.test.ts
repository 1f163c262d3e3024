import { describe, expect, it } from 'vitest';
import { addPlaywright, addVitest, emptyTally } from './summarize-tests.mjs';

const playwrightReport = (tests: Array<{ title: string; line: number; status: string }>) => ({
  suites: [
    {
      title: 'a.spec.ts',
      file: 'a.spec.ts',
      specs: tests.map((t) => ({ title: t.title, file: 'a.spec.ts', line: t.line, column: 3, tests: [{ status: t.status }] })),
      suites: [],
    },
  ],
  errors: [],
});

describe('test summary', () => {
  it('lists a test that passed only on a retry as flaky, not as passed', () => {
    const tally = emptyTally();
    addPlaywright(tally, playwrightReport([
      { title: 'steady', line: 4, status: 'expected' },
      { title: 'wobbly', line: 9, status: 'flaky' },
      { title: 'broken', line: 14, status: 'unexpected' },
    ]));
    expect(tally.passed).toBe(1);
    expect(tally.failed).toBe(1);
    expect(tally.flaky).toEqual(['a.spec.ts:9 › wobbly']);
    expect(tally.failures).toEqual(['a.spec.ts:14 › broken']);
  });

  it('counts the rows of a table test once as a test body', () => {
    const tally = emptyTally();
    const row = (n: number) => ({ status: 'passed', fullName: `row ${n}`, location: { line: 7, column: 5 } });
    addVitest(tally, {
      numPassedTests: 4,
      testResults: [{ name: `${process.cwd()}/x.test.ts`, status: 'passed', assertionResults: [row(1), row(2), row(3), { status: 'passed', fullName: 'other', location: { line: 20, column: 3 } }] }],
    });
    expect(tally.passed).toBe(4);
    expect(tally.bodies.size).toBe(2);
  });

  it('fails a file that did not load even though it reported no test', () => {
    const tally = emptyTally();
    addVitest(tally, { numPassedTests: 0, testResults: [{ name: `${process.cwd()}/y.test.ts`, status: 'failed', message: 'SyntaxError: x\nmore', assertionResults: [] }] });
    expect(tally.failed).toBe(1);
    expect(tally.failures[0]).toContain('SyntaxError: x');
  });

  it('fails on an error outside any test', () => {
    const tally = emptyTally();
    addPlaywright(tally, { suites: [], errors: [{ message: 'worker crashed' }] });
    expect(tally.failed).toBe(1);
  });
});
