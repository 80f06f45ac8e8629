#!/bin/sh
# Installs Debian's Chromium for the browser tests (never `playwright install`: nothing is downloaded from outside
# apt). Run by `make test`. Without root or password-less sudo it says so and the browser tests are skipped.
set -u
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" = 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "install-browser: Chromium is not installed and apt-get needs root; browser tests will be skipped." >&2
    echo "install-browser: to run them: sudo apt-get install -y chromium" >&2
    exit 0
fi
echo "install-browser: installing Debian's chromium for the browser tests"
if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null; }; then
    echo "install-browser: apt-get could not install chromium; browser tests will be skipped." >&2
fi
exit 0
