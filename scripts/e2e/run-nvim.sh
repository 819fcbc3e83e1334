#!/usr/bin/env bash
# Neovim smoke test: headless nvim 0.7+ runs vita's language server (dist/cli.js lsp --stdio) on a résumé and checks
# push diagnostics, hover and document symbols (test/nvim/smoke.lua). Needs: apt-get install -y neovim; npm run build.
#   scripts/e2e/run-nvim.sh [RESUME]     (default: test/e2e/workspace/jane.resume)
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RESUME=$(realpath "${1:-$REPO/test/e2e/workspace/jane.resume}")

command -v nvim >/dev/null || { echo "run-nvim: nvim not found (apt-get install -y neovim)" >&2; exit 1; }
[ -f "$REPO/dist/cli.js" ] || { echo "run-nvim: $REPO/dist/cli.js missing (npm run build)" >&2; exit 1; }

# Keep Neovim's state/log files out of the home directory.
TMP=$(mktemp -d "${TMPDIR:-/tmp}/vita-nvim-XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export XDG_CONFIG_HOME=$TMP/config XDG_DATA_HOME=$TMP/data XDG_STATE_HOME=$TMP/state XDG_CACHE_HOME=$TMP/cache

echo "$(nvim --version | head -1) on $RESUME"
start=$(date +%s%N)
set +e
VITA_REPO=$REPO VITA_RESUME=$RESUME timeout 60 \
  nvim --headless -u NONE -i NONE -n -c "luafile $REPO/test/nvim/smoke.lua"
rc=$?
set -e
echo
echo "nvim smoke: rc=$rc after $(( ($(date +%s%N) - start) / 1000000 )) ms"
[ "$rc" -eq 124 ] && echo "nvim smoke: TIMEOUT" >&2
exit "$rc"
