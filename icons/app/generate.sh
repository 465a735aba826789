#!/usr/bin/env bash
# Regenerates the app icons from skill-designer.svg; the outputs are committed, so building needs none of this.
# Needs (Debian): librsvg2-bin (rsvg-convert), imagemagick (convert), icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")"
src=skill-designer.svg
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" "$src" -o "skill-designer-$size.png"
done
# Windows: one .ico holding the usual sizes (256 is stored as PNG by ImageMagick)
convert skill-designer-16.png skill-designer-24.png skill-designer-32.png skill-designer-48.png \
        skill-designer-64.png skill-designer-128.png skill-designer-256.png skill-designer.ico
# macOS: png2icns takes the sizes it has icon types for (16, 32, 48, 128, 256, 512)
png2icns skill-designer.icns skill-designer-16.png skill-designer-32.png skill-designer-48.png \
         skill-designer-128.png skill-designer-256.png skill-designer-512.png >/dev/null
# jpackage on Linux wants one PNG
cp skill-designer-512.png skill-designer.png
