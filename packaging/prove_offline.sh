#!/usr/bin/env bash
# Proves Briefing's offline promises on Linux, with no network (a new network namespace):
#
#   bash packaging/prove_offline.sh bundle [DIST]   the bundled programs (DIST/Briefing, default
#       dist/Briefing), with no Python on PATH: build every example pack in every format and
#       compare the bytes with the same build from a source install; check a pack; import
#       articles into a new library; open the app under Xvfb with a pack and take a screenshot;
#       time start-up against the source install.
#   bash packaging/prove_offline.sh wheelhouse      download a wheelhouse for this machine, then
#       with no network make a fresh virtual environment, install from the folder, build a pack.
#
# Needs root (or user namespaces) for `unshare`, and Xvfb and ImageMagick's `import` for the
# screenshot. Output goes to build/prove-offline/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work="$root/build/prove-offline"
rm -rf "$work" && mkdir -p "$work"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1767225600}

offline() {  # run a command in a network namespace with no network
  if [ "$(id -u)" -eq 0 ]; then unshare -n -- "$@"; else unshare -rn -- "$@"; fi
}
offline true || { echo "Cannot make a network namespace here (needs root or user namespaces)." >&2; exit 2; }
offline python3 -c "import socket; socket.create_connection(('pypi.org', 443), timeout=3)" 2>/dev/null \
  && { echo "The network namespace still reaches the network." >&2; exit 2; }

prove_bundle() {
  local bundle; bundle=$(cd "${1:-dist}/Briefing" && pwd)
  local source_bin="$root/build/bundle/venv/bin"   # the clean source install build_bundle.py made
  [ -x "$bundle/briefing" ] || { echo "No bundle at $bundle: run python packaging/build_bundle.py" >&2; exit 2; }
  [ -x "$source_bin/briefing" ] || { echo "No source install at $source_bin" >&2; exit 2; }
  mkdir -p "$work/nopython" "$work/home"
  # The bundled programs run with an empty PATH (no Python to be found) and a home of their own.
  bare=(env -i "HOME=$work/home" "PATH=$work/nopython" LANG=C.UTF-8 "SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH")
  if "${bare[@]}" /bin/sh -c 'command -v python3 || command -v python' >/dev/null; then
    echo "Python is still on PATH" >&2; exit 1
  fi
  local failed=0
  for pack in "$bundle"/packs/*.yaml; do
    name=$(basename "$pack" .yaml)
    offline "${bare[@]}" "$bundle/briefing" build "$pack" -o "$work/bundle/$name" --format all -q >/dev/null
    "$source_bin/briefing" build "$root/packs/$name.yaml" -o "$work/source/$name" --format all -q >/dev/null
    for built in "$work/bundle/$name"/*; do
      if cmp -s "$built" "$work/source/$name/$(basename "$built")"; then
        echo "same bytes: $name/$(basename "$built")"
      else
        echo "DIFFERENT:  $name/$(basename "$built")"; failed=1
      fi
    done
    if "$bundle/briefing" check --help >/dev/null 2>&1; then
      offline "${bare[@]}" "$bundle/briefing" check "$pack" >"$work/check-$name.txt" 2>&1 \
        && echo "check: $name OK" || { echo "check: $name reported errors (see $work/check-$name.txt)"; }
    fi
  done
  # Import articles into a new library.
  local corpus="$root/../shared/corpus"
  local inputs=("$corpus"/*.txt)
  if [ ! -e "${inputs[0]}" ]; then
    printf 'A test article\nBy Sam Jones\n\nCouncils are trying new ways to listen to residents.\n' >"$work/article.txt"
    inputs=("$work/article.txt")
  fi
  offline "${bare[@]}" "$bundle/briefing" import "${inputs[@]}" --library "$work/library" >"$work/import.txt"
  echo "import: $(tail -n 1 "$work/import.txt")"
  offline "${bare[@]}" "$bundle/briefing" library list --library "$work/library" | head -n 3
  # Start-up: the same command from the bundle and from the source install, best of five.
  best() { local b=99; for _ in 1 2 3 4 5; do s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N)
           b=$(echo "$b $e $s" | awk '{d=$2-$3; print (d<$1)?d:$1}'); done; echo "$b"; }
  echo "start-up (briefing --version, best of 5): bundle $(best "$bundle/briefing" --version) s," \
       "source install $(best "$source_bin/briefing" --version) s"
  echo "build member briefing (docx+pdf): bundle $(best "$bundle/briefing" build "$bundle/packs/member-briefing.yaml" -o "$work/t1" -q) s," \
       "source install $(best "$source_bin/briefing" build "$root/packs/member-briefing.yaml" -o "$work/t2" -q) s"
  # The app under Xvfb, with no network and no Python on PATH.
  Xvfb :97 -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 & local xvfb=$!
  sleep 1
  offline env -i "HOME=$work/home" "PATH=$work/nopython" LANG=C.UTF-8 DISPLAY=:97 QT_QPA_PLATFORM=xcb \
    "$bundle/briefing-app" "$bundle/packs/member-briefing.yaml" >"$work/app.log" 2>&1 & local app=$!
  sleep 8
  DISPLAY=:97 import -window root "$work/app-1366x768.png"
  kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true
  kill "$xvfb"; wait "$xvfb" 2>/dev/null || true
  echo "screenshot: $work/app-1366x768.png"
  echo "size: $(du -sm "$bundle" | cut -f1) MB unpacked"
  return "$failed"
}

prove_wheelhouse() {
  python3 packaging/wheelhouse.py "$work/wheels"
  offline bash -c "
    set -e
    python3 -m venv '$work/venv'
    '$work/venv/bin/pip' install -q --no-index --find-links '$work/wheels' briefing
    '$work/venv/bin/briefing' build '$root/packs/member-briefing.yaml' -o '$work/wheelhouse-out'
  "
  echo "wheelhouse install with no network: OK"
}

case "${1:-}" in
  bundle) prove_bundle "${2:-dist}" ;;
  wheelhouse) prove_wheelhouse ;;
  *) echo "usage: bash packaging/prove_offline.sh bundle [DIST] | wheelhouse" >&2; exit 2 ;;
esac
