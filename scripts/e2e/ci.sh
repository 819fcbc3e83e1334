#!/usr/bin/env bash
# End-to-end CI: two real editors against the built extension and language server.
#   1. apt packages (chromium neovim libkrb5-dev pkg-config ripgrep), only those missing
#   2. code-server 4.100.3 in .cache/code-server (skipped when present)
#   3. npm run build
#   4. Neovim smoke test (second real LSP client)
#   5. the extension-host suite in code-server (npm run test:e2e:web)
#   6. the UI check (squiggle + hover, test-results/vscode.png)
#   7. the same suite against the packaged, installed vita.vsix
# Expects node_modules (npm ci) to be in place.
# Runs every step even when one fails; exits 1 if any failed, and prints the time of each step.
set -uo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$REPO"

total_start=$(date +%s)
declare -a summary=()
declare -a failures=()
failed=0

step() {
  local name=$1
  shift
  local start
  start=$(date +%s)
  echo
  echo "=== e2e: $name"
  local log
  log=$(mktemp)
  if "$@" 2>&1 | tee "$log"; then
    summary+=("PASS  $(printf '%4ss' $(( $(date +%s) - start )))  $name")
  else
    summary+=("FAIL  $(printf '%4ss' $(( $(date +%s) - start )))  $name")
    # The end of a failed step's output again, with the workbench's stack frames left out, so the reason is in the
    # last lines a CI log shows.
    failures+=("--- $name: the last lines of its output" "$(grep -v 'workbench.js' "$log" | tail -n 25)")
    failed=1
  fi
  rm -f "$log"
}

apt_packages() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v nvim >/dev/null || missing+=(neovim)
  command -v rg >/dev/null || missing+=(ripgrep)
  command -v pkg-config >/dev/null || missing+=(pkg-config)
  dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
  if [ ${#missing[@]} -eq 0 ]; then
    echo "apt packages already installed"
    return 0
  fi
  echo "installing: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
}

step "apt packages" apt_packages
if [ "$failed" -ne 0 ]; then
  echo "e2e: apt install failed; the editors are not available" >&2
  exit 1
fi
step "install code-server" bash scripts/e2e/install-code-server.sh
step "npm run build" npm run --silent build
step "neovim smoke" bash scripts/e2e/run-nvim.sh
step "extension host suite (code-server)" node scripts/e2e/run-web.mjs
step "ui check (squiggle + hover)" node scripts/e2e/ui-check.mjs
step "extension host suite against the installed .vsix" node scripts/e2e/run-web.mjs --vsix

if [ ${#failures[@]} -gt 0 ]; then
  echo
  echo "=== e2e failures"
  printf '%s\n' "${failures[@]}"
fi
echo
echo "=== e2e summary"
printf '%s\n' "${summary[@]}"
echo "total: $(( $(date +%s) - total_start ))s"
exit "$failed"
