#!/usr/bin/env bash
# The whole test suite on a fresh machine: types, unit tests, both browser builds,
# the browser end-to-end tests. Ends with one line "N passed, N failed".
PULSO_NEED_CHROMIUM=1 source "$(dirname "$0")/bootstrap.sh"
rm -rf test-results && mkdir -p test-results

status=0
step() { echo; echo "== $*"; "$@" || status=1; }
step npx tsc --noEmit -p .
step npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json
step npx wxt build
step npx wxt build -b firefox
step npx playwright test
node scripts/summarize-tests.mjs test-results/unit.json test-results/e2e.json || status=1
exit $status
