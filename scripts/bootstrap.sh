# Sourced by start.sh, test-all.sh, bench.sh and eval.sh: makes a fresh machine ready, idempotently.
#   - Node >= 22 (the machine may have 20): Node 24 installed under .tools from the npm registry
#   - the project's dependencies with `npm ci`, exactly as package-lock.json says (the tree stays clean)
#   - for the browser tests (PULSO_NEED_BROWSERS=1), as root, Debian's `chromium`, `firefox-esr` and `unzip`
# Set CHROMIUM_PATH / FIREFOX_PATH to use browsers installed elsewhere.
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
hidden_lock="$ROOT/node_modules/.package-lock.json" # npm writes it after every install
if [ -L "$ROOT/node_modules" ]; then
  # A worktree sharing another checkout's install: never reinstall through the link.
  :
elif [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
  : # installed from exactly this lockfile
elif [ -f "$hidden_lock" ] && [ "$hidden_lock" -nt package-lock.json ]; then
  cp package-lock.json "$stamp" # the user ran `npm ci` (or install) after the lockfile last changed
else
  echo "[pulso] installing dependencies (npm ci: exactly package-lock.json)" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
  cp package-lock.json "$stamp"
fi

if [ "${PULSO_NEED_BROWSERS:-0}" = 1 ]; then
  missing=()
  [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ] && missing+=(chromium)
  [ -z "${FIREFOX_PATH:-}" ] && [ ! -x /usr/bin/firefox-esr ] && missing+=(firefox-esr)
  command -v unzip >/dev/null || missing+=(unzip) # the store-package tests open the zips
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "[pulso] installing ${missing[*]} from Debian's packages" >&2
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
    else
      echo "[pulso] missing browsers: run 'sudo apt-get install -y ${missing[*]}' (or set CHROMIUM_PATH / FIREFOX_PATH)" >&2
      exit 1
    fi
  fi
fi
