#!/usr/bin/env bash
# npm test: the whole test suite on a fresh machine. Types, unit tests, the store packages
# for Chrome and Firefox (`wxt zip` builds .output/chrome-mv3 and .output/firefox-mv2 and zips
# them, with the sources zip Mozilla's review asks for), then the browser end-to-end tests:
# Chromium with the MV3 build, real Firefox (firefox-esr over WebDriver BiDi) with the MV2
# build, and Mozilla's `web-ext lint` of the Firefox package.
# Ends with one line "N passed, N failed" (", N flaky" / ", N skipped" when there are any).
PULSO_NEED_BROWSERS=1 source "$(dirname "$0")/bootstrap.sh"
# PostgreSQL server binaries (the store suite runs on PGlite and on a real PostgreSQL that the
# tests start themselves) and Compose (compose.yaml is validated with `compose config`).
bash scripts/ensure-test-tools.sh
rm -rf test-results && mkdir -p test-results

status=0
step() { echo; echo "== $*"; "$@" || status=1; }
step npx tsc --noEmit -p .
step npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json
step npx wxt zip
step npx wxt zip -b firefox
step npx playwright test
node scripts/summarize-tests.mjs test-results/unit.json test-results/e2e.json || status=1
exit $status
