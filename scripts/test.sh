#!/usr/bin/env bash
# Runs the test suite offline: sockets are blocked except to 127.0.0.1 (pytest-recording's
# --block-network, set in pyproject.toml), so nothing can reach a live portal.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python -m pytest "$@"
