#!/usr/bin/env bash
# Installs a real VS Code extension host for the integration suite on machines that cannot
# download VS Code: code-server (VS Code server + web workbench, from npm) driven by Debian's
# headless Chromium through playwright-core. Idempotent; everything lands in $VSCODE_HOST_DIR.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
HOST_DIR=${VSCODE_HOST_DIR:-$here/.vscode-host}
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.100.3}
PLAYWRIGHT_CORE_VERSION=${PLAYWRIGHT_CORE_VERSION:-1.65.1}
step() { local s=$SECONDS; "$@"; echo "[host-setup] $1 took $((SECONDS - s))s" >&2; }

# Where VS Code itself runs the suite (@vscode/test-electron, see scripts/run-integration.js),
# no code-server host is needed, nor Debian's packages: only playwright-core, for the unit tests
# that look at a page in a browser (test/support/chromium.ts), which skip without it or Chromium.
if [ -n "${SYNOPTIC_VSCODE:-}" ] || [ "${SYNOPTIC_DOWNLOAD_VSCODE:-}" = 1 ]; then
  chromium=${CHROMIUM:-/usr/bin/chromium}
  if [ ! -d "$HOST_DIR/node_modules/playwright-core" ]; then
    mkdir -p "$HOST_DIR"
    [ -f "$HOST_DIR/package.json" ] || echo '{"name":"synoptic-test-host","private":true}' > "$HOST_DIR/package.json"
    (cd "$HOST_DIR" && npm install --no-audit --no-fund --no-save "playwright-core@$PLAYWRIGHT_CORE_VERSION" >&2) ||
      echo "[host-setup] playwright-core could not be installed: the browser unit tests will be skipped" >&2
  fi
  [ -x "$chromium" ] || echo "[host-setup] no Chromium at $chromium (set CHROMIUM): the browser unit tests will be skipped" >&2
  echo "[host-setup] no code-server host: the suite runs in VS Code (SYNOPTIC_VSCODE or SYNOPTIC_DOWNLOAD_VSCODE=1)" >&2
  exit 0
fi

if [ -f "$HOST_DIR/.ready" ] && [ -d "$HOST_DIR/node_modules/playwright-core" ] && [ -x /usr/bin/chromium ]; then
  echo "[host-setup] already installed in $HOST_DIR" >&2
  exit 0
fi

# System packages: build tools for code-server's native modules, ripgrep, Chromium.
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  missing=""
  for pkg in build-essential python3 pkg-config libkrb5-dev libxkbfile-dev libsecret-1-dev ripgrep chromium; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
  done
  if [ -n "$missing" ]; then
    step apt-get update -qq
    step env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  fi
fi

# @vscode/ripgrep's postinstall would fetch rg from the network unless its download cache
# under os.tmpdir() already holds the archive: seed that cache with Debian's rg.
RG_PKG_VERSION=1.15.11 RG_VERSION=v13.0.0-10
case "$(uname -m)" in
  x86_64) RG_TARGET=x86_64-unknown-linux-musl ;;
  aarch64) RG_TARGET=aarch64-unknown-linux-musl ;;
  *) echo "[host-setup] unsupported architecture $(uname -m)" >&2; exit 1 ;;
esac
mkdir -p "$HOST_DIR/tmp/rgpkg" "$HOST_DIR/tmp/vscode-ripgrep-cache-$RG_PKG_VERSION"
cp "$(command -v rg)" "$HOST_DIR/tmp/rgpkg/rg"
tar czf "$HOST_DIR/tmp/vscode-ripgrep-cache-$RG_PKG_VERSION/ripgrep-$RG_VERSION-$RG_TARGET.tar.gz" -C "$HOST_DIR/tmp/rgpkg" rg

cd "$HOST_DIR"
[ -f package.json ] || echo '{"name":"synoptic-test-host","private":true}' > package.json
# nodedir: build native modules against the installed Node headers (no header download);
# unsafe_perm: code-server's postinstall refuses to run as root without it;
# yes: node-pty's postinstall calls npx, which must not prompt.
nodedir=/usr/include/node
[ -d "$nodedir" ] && nodedir=/usr || nodedir=$(dirname "$(dirname "$(command -v node)")")
# dangerously_allow_all_scripts: npm 11 skips dependency install scripts unless allowed, and
# code-server's postinstall (and the native modules it installs) must run; this folder holds only
# the pinned test host.
step env TMPDIR="$HOST_DIR/tmp" npm_config_nodedir="$nodedir" npm_config_unsafe_perm=true npm_config_yes=true \
  npm_config_dangerously_allow_all_scripts=true \
  npm install --no-audit --no-fund --no-save "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_CORE_VERSION"
test -x node_modules/.bin/code-server
test -x node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg
touch "$HOST_DIR/.ready"
echo "[host-setup] ready in $HOST_DIR" >&2
