#!/usr/bin/env bash
# Installs everything the tests need on a fresh machine and runs the whole suite:
# Qt's system libraries, Chromium, LibreOffice, pandoc and node with npm (Linux, via apt-get when
# missing), the npm packages of the HTML accessibility checks (tests/a11y, from its
# package-lock.json), a virtual environment in .venv with the package and its test extras, the
# linter and type checker, then pytest with Qt on the offscreen platform.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(uname -s)" = "Linux" ] && command -v apt-get >/dev/null 2>&1; then
  # library file -> Debian package that provides it: Qt's own, then those of its X11 (xcb)
  # platform plugin, without which `briefing gui` stops with "Could not load the Qt platform
  # plugin xcb" on a desktop (docs/guide/install.md lists the same packages)
  declare -A need=(
    [libEGL.so.1]=libegl1 [libGL.so.1]=libgl1 [libxkbcommon.so.0]=libxkbcommon0
    [libfontconfig.so.1]=libfontconfig1 [libdbus-1.so.3]=libdbus-1-3
    [libglib-2.0.so.0]=libglib2.0-0 [libfreetype.so.6]=libfreetype6
    [libgssapi_krb5.so.2]=libgssapi-krb5-2 [libX11.so.6]=libx11-6
    [libX11-xcb.so.1]=libx11-xcb1 [libxcb.so.1]=libxcb1
    [libxcb-cursor.so.0]=libxcb-cursor0 [libxcb-icccm.so.4]=libxcb-icccm4
    [libxcb-image.so.0]=libxcb-image0 [libxcb-keysyms.so.1]=libxcb-keysyms1
    [libxcb-randr.so.0]=libxcb-randr0 [libxcb-render.so.0]=libxcb-render0
    [libxcb-render-util.so.0]=libxcb-render-util0 [libxcb-shape.so.0]=libxcb-shape0
    [libxcb-shm.so.0]=libxcb-shm0 [libxcb-sync.so.1]=libxcb-sync1
    [libxcb-util.so.1]=libxcb-util1 [libxcb-xfixes.so.0]=libxcb-xfixes0
    [libxcb-xkb.so.1]=libxcb-xkb1 [libxkbcommon-x11.so.0]=libxkbcommon-x11-0
  )
  missing=()
  known=$(ldconfig -p 2>/dev/null || true)
  for lib in "${!need[@]}"; do
    grep -qF "$lib" <<<"$known" || missing+=("${need[$lib]}")
  done
  [ -n "$(fc-list 2>/dev/null | head -n 1)" ] || missing+=(fonts-dejavu-core fontconfig)
  command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)  # "Tagged: yes" on the PDFs
  # Headless Chromium and node run axe-core on the HTML output.
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
    || missing+=(chromium)
  # LibreOffice reads the Word files back as another program would (tracked changes, layout).
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
  # pandoc reads them too, independently: headings, lists and tables as a structure.
  command -v pandoc >/dev/null 2>&1 || missing+=(pandoc)
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing system packages the tests need: ${missing[*]}"
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

# The pinned npm packages (axe-core, puppeteer-core), when missing or older than the lock file.
a11y=tests/a11y
if command -v npm >/dev/null 2>&1 \
    && { [ ! -f "$a11y/node_modules/.package-lock.json" ] \
         || [ "$a11y/package-lock.json" -nt "$a11y/node_modules/.package-lock.json" ]; }; then
  echo "Installing the npm packages for the accessibility checks"
  (cd "$a11y" && npm ci --no-audit --no-fund --loglevel=error) \
    || echo "warning: npm ci failed in $a11y; the HTML accessibility tests will be skipped" >&2
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"
.venv/bin/ruff check --quiet .
.venv/bin/ruff format --check --quiet .
.venv/bin/mypy --no-error-summary briefing bench scripts packs packaging
.venv/bin/lint-imports --no-cache
export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
