#!/usr/bin/env bash
# Runs Pulso on a fresh machine: builds the extension (Chrome and Firefox) and
# starts the backend on the embedded rules engine (set LLM_BASE_URL for vLLM).
source "$(dirname "$0")/bootstrap.sh"
npx wxt build >&2
npx wxt build -b firefox >&2
cat >&2 <<MSG

[pulso] Extension built:
  Chrome/Edge: chrome://extensions → Developer mode → "Load unpacked" → $ROOT/.output/chrome-mv3
  Firefox:     about:debugging → This Firefox → "Load Temporary Add-on" → $ROOT/.output/firefox-mv2/manifest.json
[pulso] Backend starting on http://${HOST:-127.0.0.1}:${PORT:-8787} ($([ -n "${LLM_BASE_URL:-}" ] && echo "LLM at $LLM_BASE_URL" || echo "rules engine")). Ctrl+C stops it.
MSG
exec node bin/pulso.js serve
