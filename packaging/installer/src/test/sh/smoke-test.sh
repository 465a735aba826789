#!/usr/bin/env bash
# Installer smoke test: the app image's launcher starts Skill Designer (under Xvfb: CI has no display) with
# --smoke-test, which shows the main window and exits 0; on Linux the .deb must carry name, version, the
# launcher, the icon and the .skill.json association.
set -euo pipefail
dir=$1 name=$2 version=$3
image="$dir/image/$name"
launcher="$image/bin/$name"
fail() { echo "SMOKE TEST FAILED: $*" >&2; exit 1; }

[ -x "$launcher" ] || fail "launcher '$launcher' missing"
grep -q "app.mainclass=io.skilldesigner.app.Launcher" "$image/lib/app/$name.cfg" || fail "main class not in $name.cfg"

workspace=$(mktemp -d)
trap 'rm -rf "$workspace"' EXIT

# The headless launcher: the same commands as bin/skill-designer in a checkout
cli="$image/bin/skill-designer-cli"
[ -x "$cli" ] || fail "headless launcher '$cli' missing"
help=$("$cli" help) || fail "skill-designer-cli help exited with $?"
for c in validate export run inspect bench; do
  echo "$help" | grep -q "  $c " || fail "skill-designer-cli help does not list $c"
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
echo "$out" | grep -q "SMOKE OK" || fail "launcher did not report SMOKE OK"

if [ "$(uname -s)" = Linux ]; then
  deb=$(ls "$dir"/installer/*.deb 2>/dev/null | head -1)
  [ -n "$deb" ] || fail "no .deb in $dir/installer"
  info=$(dpkg-deb -I "$deb")
  echo "$info" | grep -q "Package: skill-designer" || fail "deb package name"
  echo "$info" | grep -q "Version: $version" || fail "deb version"
  files=$(dpkg-deb -c "$deb")
  echo "$files" | grep -q "bin/$name\$" || fail "launcher not in the deb"
  echo "$files" | grep -q "\.png\$" || fail "icon not in the deb"
  tmp=$(mktemp -d); dpkg-deb -x "$deb" "$tmp"
  grep -rqs "skill.json" "$tmp" --include='*.xml' || { rm -rf "$tmp"; fail "no .skill.json MIME type in the deb"; }
  grep -rqs "MimeType=application/x-skill-designer-skill+json" "$tmp" --include='*.desktop' \
    || { rm -rf "$tmp"; fail "desktop file does not declare the .skill.json MIME type"; }
  rm -rf "$tmp"
  echo "deb OK: $deb"
fi
echo "SMOKE TEST PASSED"
