#!/usr/bin/env bash
# npm start: makes the machine ready (scripts/bootstrap.sh), builds the Chrome extension
# when its sources changed since the last build, and starts the backend on the embedded
# rules engine (set LLM_BASE_URL for vLLM).
#   npm start -- --firefox     also build the Firefox add-on (or PULSO_FIREFOX=1 npm start)
#   npm start -- --rebuild     rebuild even when the build is up to date
source "$(dirname "$0")/bootstrap.sh"
firefox="${PULSO_FIREFOX:-0}"
force=()
for arg in "$@"; do
  case "$arg" in
    --firefox) firefox=1 ;;
    --rebuild) force=(--force) ;;
    *) echo "[pulso] unknown option $arg (known: --firefox, --rebuild)" >&2; exit 2 ;;
  esac
done
node scripts/build-if-stale.mjs chrome "${force[@]}"
[ "$firefox" = 1 ] && node scripts/build-if-stale.mjs firefox "${force[@]}"
{
  echo
  echo "[pulso] Extension built:"
  echo "  Chrome/Edge: chrome://extensions → Developer mode → \"Load unpacked\" → $ROOT/.output/chrome-mv3"
  if [ "$firefox" = 1 ]; then
    echo "  Firefox:     about:debugging → This Firefox → \"Load Temporary Add-on\" → $ROOT/.output/firefox-mv2/manifest.json"
  else
    echo "  Firefox:     npm start -- --firefox builds it too (.output/firefox-mv2)"
  fi
  echo "[pulso] Backend starting on http://${HOST:-127.0.0.1}:${PORT:-8787} ($([ -n "${LLM_BASE_URL:-}" ] && echo "LLM at $LLM_BASE_URL" || echo "rules engine")). Ctrl+C stops it."
} >&2
exec node bin/pulso.js serve
