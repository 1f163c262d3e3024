#!/usr/bin/env bash
# npm run bench: builds the extension if needed, then prints every figure and its ratio to target.
PULSO_NEED_CHROMIUM=1 source "$(dirname "$0")/bootstrap.sh"
[ -f .output/chrome-mv3/manifest.json ] || npx wxt build >&2
exec npx tsx bench/run.ts
