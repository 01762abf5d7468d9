#!/usr/bin/env bash
# Builds LemniscaatFFI.xcframework next to this file (macOS with Xcode and rustup): the Rust
# library as a static library for macOS (arm64 + x86_64), iOS devices and the iOS simulator
# (arm64 + x86_64), each with the generated header and module map of Sources/LemniscaatFFI/include.
# Package.swift names it as its binary target. Run by scripts/test-kotlin before `swift test`
# where a Swift toolchain for Apple platforms exists.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
cd "$root"
lib=liblemniscaat_uniffi.a
targets=(aarch64-apple-darwin x86_64-apple-darwin aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios)
# The Rust targets must be installed beforehand (nothing is downloaded here).
installed=$(rustup target list --installed)
missing=()
for t in "${targets[@]}"; do grep -qx "$t" <<< "$installed" || missing+=("$t"); done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "missing Rust targets; install them once with: rustup target add ${missing[*]}" >&2
  exit 1
fi
# The static library (the crate is a cdylib and an rlib; cargo rustc adds staticlib).
for t in "${targets[@]}"; do
  cargo rustc -q --release -p lemniscaat-uniffi --lib --target "$t" --crate-type staticlib
done
out=target/xcframework
rm -rf "$out" "$here/LemniscaatFFI.xcframework"
mkdir -p "$out/macos" "$out/ios-sim" "$out/headers"
cp "$here/Sources/LemniscaatFFI/include/lemniscaatFFI.h" "$here/Sources/LemniscaatFFI/include/module.modulemap" "$out/headers/"
lipo -create target/aarch64-apple-darwin/release/$lib target/x86_64-apple-darwin/release/$lib -output "$out/macos/$lib"
lipo -create target/aarch64-apple-ios-sim/release/$lib target/x86_64-apple-ios/release/$lib -output "$out/ios-sim/$lib"
xcodebuild -create-xcframework \
  -library "$out/macos/$lib" -headers "$out/headers" \
  -library "target/aarch64-apple-ios/release/$lib" -headers "$out/headers" \
  -library "$out/ios-sim/$lib" -headers "$out/headers" \
  -output "$here/LemniscaatFFI.xcframework"
echo "$here/LemniscaatFFI.xcframework"
