#!/bin/sh
# Installs Debian's Chromium for the browser tests (never `playwright install`: no downloads from outside apt).
set -eu
if [ ! -x /usr/bin/chromium ]; then
    apt-get update && apt-get install -y chromium
fi
