#!/usr/bin/env bash
# Installer smoke test: the app image's launcher starts Skill Designer (under Xvfb: CI has no display) with
# --smoke-test, which creates the demo workspace, shows the main window and exits 0; the installed
# skill-designer-cli exports the demo skill with the runtime and that runtime runs from the package folder; on Linux
# the .deb must carry name, version, the launcher, the icon and the .skill.json association.
set -euo pipefail
dir=$1 name=$2 version=$3
image="$dir/image/$name"
launcher="$image/bin/$name"
fail() { echo "SMOKE TEST FAILED: $*" >&2; exit 1; }
# Checks read captured output with here-strings, not `echo "$x" | grep -q`: under pipefail, grep -q's early exit
# can end echo with SIGPIPE once the text outgrows the pipe buffer, and the check then fails on a match (the .deb's
# file list, about 55 KB, did so on CI).

[ -x "$launcher" ] || fail "launcher '$launcher' missing"
grep -q "app.mainclass=io.skilldesigner.app.Launcher" "$image/lib/app/$name.cfg" || fail "main class not in $name.cfg"

workspace=$(mktemp -d)
trap 'rm -rf "$workspace"' EXIT

# The headless launcher: the same commands as bin/skill-designer in a checkout
cli="$image/bin/skill-designer-cli"
[ -x "$cli" ] || fail "headless launcher '$cli' missing"
help=$("$cli" help) || fail "skill-designer-cli help exited with $?"
for c in validate export run inspect bench; do
  grep -q "  $c " <<< "$help" || fail "skill-designer-cli help does not list $c"
done
set +e
"$cli" validate "$workspace/none.skill.json" >/dev/null 2>&1
rc=$?
set -e
[ $rc -eq 3 ] || fail "skill-designer-cli validate of a missing skill exited $rc, expected 3"
run=("$launcher" --smoke-test --workspace "$workspace")
if [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null || fail "no DISPLAY and no xvfb-run (apt-get install xvfb xauth)"
  run=(xvfb-run -a -s "-screen 0 1280x800x24" "${run[@]}")
fi
set +e
out=$(HOME="$workspace" timeout 180 "${run[@]}" 2>&1)
rc=$?
set -e
echo "$out" | tail -20
[ $rc -eq 0 ] || fail "launcher exited with $rc"
grep -q "SMOKE OK" <<< "$out" || fail "launcher did not report SMOKE OK"

# The installed CLI exports with the runtime distribution it carries (lib/app/runtime-dist), no option needed,
# and the package's runtime runs from the unpacked folder as the container's ENTRYPOINT + CMD would.
skill="$workspace/skills/demo-ball-colours.skill.json"
[ -f "$skill" ] || fail "the smoke test run did not create the demo skill $skill"
set +e
pkg="$workspace/out/demo"
exported=$(HOME="$workspace" timeout 300 "$cli" export "$skill" --workspace "$workspace" --out "$pkg" --zip 2>&1)
rc=$?
set -e
echo "$exported" | tail -5
[ $rc -eq 0 ] || fail "skill-designer-cli export (with the runtime) exited $rc"
grep -q "^runtime: " <<< "$exported" || fail "export did not show the runtime's size"
[ -f "$pkg/skill.json" ] || fail "export wrote no package folder $pkg"
[ -f "$pkg.zip" ] || fail "export --zip wrote no $pkg.zip"
for f in runtime/Dockerfile.amd64 runtime/Dockerfile.arm64v8 runtime/lib/common/preview-engine-*.jar \
    runtime/lib/amd64/ffmpeg-*-linux-x86_64.jar runtime/lib/amd64/opencv-*-linux-x86_64.jar \
    runtime/lib/arm64v8/ffmpeg-*-linux-arm64.jar runtime/lib/arm64v8/opencv-*-linux-arm64.jar; do
  # shellcheck disable=SC2086
  ls "$pkg"/$f >/dev/null 2>&1 || fail "exported package lacks $f"
done
if grep -q -e javafx -e controlsfx -e '^app-' <<< "$(ls "$pkg"/runtime/lib/common/)"; then
  fail "the desktop app's own jars went into the runtime: $(ls "$pkg"/runtime/lib/common/)"
fi
set +e
ran=$(timeout 300 "${JAVA:-java}" -cp "$pkg/runtime/lib/common/*:$pkg/runtime/lib/amd64/*" io.skilldesigner.engine.cli.Main \
    run "$pkg/skill.json" --workspace "$pkg" --frames 5 --no-pacing --out "$workspace/insights.jsonl" 2>&1)
rc=$?
set -e
[ $rc -eq 0 ] || { echo "$ran" | tail -20; fail "the exported runtime exited $rc"; }
lines=$(wc -l < "$workspace/insights.jsonl")
[ "$lines" -eq 5 ] || fail "the exported runtime wrote $lines insight lines, expected 5"
echo "export OK: $(du -sh "$pkg/runtime" | cut -f1) runtime in $pkg, 5 insight lines from its runtime"

if [ "$(uname -s)" = Linux ]; then
  deb=$(ls "$dir"/installer/*.deb 2>/dev/null | head -1)
  [ -n "$deb" ] || fail "no .deb in $dir/installer"
  info=$(dpkg-deb -I "$deb")
  grep -q "Package: skill-designer" <<< "$info" || fail "deb package name"
  grep -q "Version: $version" <<< "$info" || fail "deb version"
  files=$(dpkg-deb -c "$deb")
  grep -q "bin/$name\$" <<< "$files" || fail "launcher not in the deb"
  grep -q "\.png\$" <<< "$files" || fail "icon not in the deb"
  tmp=$(mktemp -d); dpkg-deb -x "$deb" "$tmp"
  grep -rqs "skill.json" "$tmp" --include='*.xml' || { rm -rf "$tmp"; fail "no .skill.json MIME type in the deb"; }
  grep -rqs "MimeType=application/x-skill-designer-skill+json" "$tmp" --include='*.desktop' \
    || { rm -rf "$tmp"; fail "desktop file does not declare the .skill.json MIME type"; }
  rm -rf "$tmp"
  echo "deb OK: $deb"
fi
echo "SMOKE TEST PASSED"
