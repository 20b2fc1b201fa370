#!/bin/sh
# Installs Debian's chromium for the browser tests (test/browser). Needs root (CI containers);
# as any other user it does nothing, and the browser suite skips itself with a note.
set -eu
if [ -x /usr/bin/chromium ]; then
  echo "install-chromium: /usr/bin/chromium already present"
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "install-chromium: not root, skipping (browser tests will be skipped)"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
# A failed install must not fail CI: the browser suite then skips itself with a clear message.
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core; }; then
  echo "install-chromium: could not install chromium; browser tests will be skipped"
fi
