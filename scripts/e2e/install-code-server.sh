#!/usr/bin/env bash
# Installs code-server (VS Code 1.100.3 — the last release whose engines.node is 20) from the npm registry only,
# into DEST (default: <repo>/.cache/code-server, gitignored). Idempotent: does nothing when the pinned version is
# already installed there.
#
# Needs (Debian, x86_64): build-essential python3 pkg-config libkrb5-dev ripgrep, and the Node headers in
# /usr/include/node (or npm_config_nodedir) so the native modules build without a download.
set -euo pipefail

VERSION=4.100.3
# @vscode/ripgrep version pinned by code-server 4.100.3's lib/vscode/npm-shrinkwrap.json, and the asset it fetches.
RIPGREP_PKG_VERSION=1.15.11
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DEST=${1:-$REPO/.cache/code-server}
ENTRY=$DEST/node_modules/code-server/out/node/entry.js

if [ -f "$ENTRY" ]; then
  installed=$(node -p "require('$DEST/node_modules/code-server/package.json').version" 2>/dev/null || true)
  if [ "$installed" = "$VERSION" ]; then
    echo "code-server $VERSION already installed in $DEST"
    exit 0
  fi
  echo "code-server ${installed:-unknown} in $DEST, want $VERSION: reinstalling"
fi

command -v rg >/dev/null || { echo "install-code-server: ripgrep (rg) is required: apt-get install -y ripgrep" >&2; exit 1; }

start=$(date +%s)
mkdir -p "$DEST/tmp"
export TMPDIR=$DEST/tmp
# code-server's postinstall runs `npm install` in lib/vscode, where @vscode/ripgrep downloads rg from GitHub
# (unreachable here), which rolls back the whole install. Its postinstall takes the asset from a cache folder
# under TMPDIR when present, so put Debian's rg there.
cache=$TMPDIR/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION
mkdir -p "$cache"
tar czf "$cache/$RIPGREP_ASSET" -C "$(dirname "$(command -v rg)")" rg

# Native modules (node-pty, spdlog, kerberos, argon2) build with node-gyp; point it at the local Node headers
# (Debian/nodesource: /usr/include/node) so it does not try to download them.
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node_version.h ]; then export npm_config_nodedir=/usr; fi

cd "$DEST"
[ -f package.json ] || echo '{ "name": "vita-code-server-host", "private": true }' > package.json
# As root, code-server's postinstall.sh exits unless npm_config_unsafe_perm=true; node-pty's install runs
# `npx node-gyp`, which npx cancels (yes=false in ~/.npmrc) unless npm_config_yes=true.
npm_config_unsafe_perm=true npm_config_yes=true \
  npm install --no-audit --no-fund --loglevel=error "code-server@$VERSION"

# --version would write ~/.config/code-server/config.yaml; keep it inside DEST.
XDG_CONFIG_HOME=$TMPDIR node "$ENTRY" --version
echo "code-server $VERSION installed in $DEST in $(( $(date +%s) - start ))s"
