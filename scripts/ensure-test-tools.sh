#!/usr/bin/env bash
# Debian packages the backend's tests use, installed when missing (idempotent):
#   - postgresql: the store suite runs against a real PostgreSQL server too. The tests start
#     their own throwaway cluster from /usr/lib/postgresql/*/bin (in a temp dir, Unix socket
#     only, as the postgres user); nothing is started here and no system service is used.
#   - docker-compose: `docker compose config` validates compose.yaml without a Docker engine
#     (Debian bookworm ships Compose v1; the test prefers the v2 plugin when it is there).
# Run as root (a fresh machine or CI), or install the two packages yourself.
set -euo pipefail

missing=()
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
if ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null 2>&1; then
  missing+=(docker-compose)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" != 0 ]; then
  echo "[pulso] the tests need: ${missing[*]} — run 'sudo apt-get install -y ${missing[*]}'" >&2
  exit 1
fi
echo "[pulso] installing ${missing[*]} from Debian's packages" >&2
apt-get update -qq >&2
# policy-rc.d: install the server binaries without starting Debian's system cluster.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy" && created_policy=1
fi
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
[ "$created_policy" = 1 ] && rm -f "$policy"
exit 0
