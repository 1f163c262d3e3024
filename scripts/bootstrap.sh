# Sourced by start.sh and test-all.sh: makes a fresh machine ready, idempotently.
#   - Node >= 22 (the machine may have 20): installed under .tools from the npm registry
#   - the project's dependencies, at the versions in package-lock.json
#   - Chromium for the browser tests (PULSO_NEED_CHROMIUM=1), from Debian's packages
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ -x "$ROOT/.tools/node_modules/.bin/node" ]; then
  export PATH="$ROOT/.tools/node_modules/.bin:$PATH"
fi
if [ "$(node_major)" -lt 22 ]; then
  echo "[pulso] Node $(node -v 2>/dev/null || echo none) is too old; installing Node 24 under .tools/" >&2
  npm install --prefix "$ROOT/.tools" --no-audit --no-fund --loglevel=error node@24 >&2
  export PATH="$ROOT/.tools/node_modules/.bin:$PATH"
fi
echo "[pulso] node $(node -v), npm $(npm -v)" >&2

stamp="$ROOT/node_modules/.pulso-lock-stamp"
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  # npm install, not npm ci: the registry mirror lacks other platforms' optional
  # binaries (e.g. @tailwindcss/oxide-android-arm64), which npm ci counts as a lockfile
  # mismatch. npm install still takes the locked versions.
  echo "[pulso] installing dependencies (npm install from package-lock.json)" >&2
  npm install --no-audit --no-fund --loglevel=error >&2
  cp package-lock.json "$stamp"
fi

if [ "${PULSO_NEED_CHROMIUM:-0}" = 1 ] && [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "[pulso] installing Chromium from Debian's packages" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  else
    echo "[pulso] Chromium is missing: run 'sudo apt-get install -y chromium' or set CHROMIUM_PATH" >&2
    exit 1
  fi
fi
