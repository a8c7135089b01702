#!/usr/bin/env bash
# Formats the Swift sources with the toolchain's swift-format, then lints them strictly.
#   Scripts/format.sh          # format in place, then lint
#   Scripts/format.sh --lint   # lint only (CI)
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(Package.swift Sources Tests)
if [ "${1:-}" != "--lint" ]; then
  swift format format --in-place --recursive --parallel "${paths[@]}"
fi
swift format lint --strict --recursive --parallel "${paths[@]}"
