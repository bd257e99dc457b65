#!/usr/bin/env bash
# Playwright cannot download its own browser here: it drives Debian's Chromium,
# and Chinese text needs a CJK font or it renders as boxes.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi -E 'wqy|noto sans cjk|source han' || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -eq 0 ]; then
  echo "Chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}') and a CJK font are installed."
  exit 0
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} with apt-get…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "Missing for the end-to-end tests: ${missing[*]}. Install them with:" >&2
echo "  sudo apt-get install -y ${missing[*]}" >&2
exit 1
