#!/usr/bin/env bash
# Install what the tests need on a fresh Debian machine, then run them.
#   bash tests/run.sh            # everything
#   bash tests/run.sh -m "not browser" -x   # extra arguments go to pytest
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: Chromium for the worksheet tests, Pango for PDF rendering, Node for gift-pegjs
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
ldconfig -p 2>/dev/null | grep -q libpango-1.0 || need+=(libpango-1.0-0 libpangoft2-1.0-0)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || need+=(fonts-dejavu-core)
command -v fc-list >/dev/null 2>&1 || need+=(fontconfig)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# the GIFT parser the tests validate GIFT files with (npm), kept inside tests/
if [ ! -d tests/.node/node_modules/gift-pegjs ]; then
  mkdir -p tests/.node
  npm install --prefix tests/.node --no-audit --no-fund --silent gift-pegjs@1.0.2 >/dev/null
fi

# Python: the project with its test extras, in .venv
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test]'

# The fonts pages render with in the tests: DejaVu only, whatever else this machine has, so a
# page lays out and breaks the same everywhere (Chromium and WeasyPrint both read fontconfig).
export FONTCONFIG_FILE="$PWD/tests/fonts.conf"

exec .venv/bin/python -m pytest "$@"
