#!/usr/bin/env bash
# npm run bench: builds the extension when its sources changed, then prints every figure and its ratio to target.
PULSO_NEED_BROWSERS=1 source "$(dirname "$0")/bootstrap.sh"
node scripts/build-if-stale.mjs chrome
exec npx tsx bench/run.ts "$@"
