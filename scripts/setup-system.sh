#!/usr/bin/env bash
# Installs the Debian packages the test command needs when they are missing. Never skips silently:
# if a package cannot be installed, this script fails and says which one and how to install it.
set -euo pipefail
need=()
command -v z3 >/dev/null 2>&1 || need+=(z3)
for extra in "$@"; do
  case "$extra" in
    chromium)
      command -v chromium >/dev/null 2>&1 || need+=(chromium)
      # Report charts (browser and resvg PNGs) are drawn in DejaVu Sans.
      [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
      ;;
    notebooks)
      # notebooks/*.ipynb run headlessly with `jupyter nbconvert --execute` (kernel: tslab from npm).
      jupyter nbconvert --version >/dev/null 2>&1 || need+=(jupyter-core jupyter-nbconvert python3-jupyter-client)
      ;;
    *) echo "setup-system: unknown package group '$extra'" >&2; exit 2 ;;
  esac
done
[ ${#need[@]} -eq 0 ] && exit 0
echo "setup-system: installing missing Debian packages: ${need[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
if ! $SUDO apt-get install -y --no-install-recommends "${need[@]}"; then
  $SUDO apt-get update
  $SUDO apt-get install -y --no-install-recommends "${need[@]}" || {
    echo "setup-system: could not install ${need[*]}. Install them by hand: apt-get install -y ${need[*]}" >&2
    exit 1
  }
fi
