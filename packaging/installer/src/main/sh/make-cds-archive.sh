#!/usr/bin/env bash
# AppCDS archive for the app image, made with the image's own launcher and bundled JVM: (1) one start
# (--smoke-test, under Xvfb when there is no display) writes the list of the classes the start path loads,
# (2) a dump run (-Xshare:dump) archives them. A static archive, because the bundled runtime has no base CDS
# archive that a dynamic one (-XX:ArchiveClassesAtExit) could extend. The launcher's own options name the archive
# (-XX:SharedArchiveFile=$APPDIR/..., -Xshare:auto); the cfg is swapped for the two runs and restored.
# A JVM that cannot use the archive (moved jars, another JVM) ignores it: only slower.
set -euo pipefail
image=$1 name=$2 archive=$3
cfg="$image/lib/app/$name.cfg"
fail() { echo "CDS ARCHIVE FAILED: $*" >&2; exit 1; }
[ -f "$cfg" ] || fail "no launcher configuration $cfg"
grep -q "^\[JavaOptions\]$" "$cfg" || fail "no [JavaOptions] section in $cfg"
ws=$(mktemp -d)
cp "$cfg" "$ws/cfg.orig"
trap 'cp "$ws/cfg.orig" "$cfg"; rm -rf "$ws"' EXIT
with_options() { # the original cfg without the archive option, plus the given java-options
  local extra=""
  for o in "$@"; do extra="$extra\njava-options=$o"; done
  grep -v "SharedArchiveFile\|Xshare" "$ws/cfg.orig" | sed "s|^\[JavaOptions\]\$|[JavaOptions]$extra|" > "$cfg"
}
launch() {
  local run=("$image/bin/$name" "$@")
  if [ -z "${DISPLAY:-}" ]; then
    command -v xvfb-run >/dev/null || fail "no DISPLAY and no xvfb-run (apt-get install xvfb xauth)"
    run=(xvfb-run -a -s "-screen 0 1280x800x24" "${run[@]}")
  fi
  HOME="$ws" timeout 300 "${run[@]}" 2>&1 | tail -3
}
list="$ws/classes.lst"
with_options "-XX:DumpLoadedClassList=$list"
launch --smoke-test --workspace "$ws/workspace"
[ -s "$list" ] || fail "no class list written"
with_options "-Xshare:dump" "-XX:SharedClassListFile=$list" "-XX:SharedArchiveFile=\$APPDIR/$archive"
launch --smoke-test || true # the dump run archives and exits without starting the app
[ -s "$image/lib/app/$archive" ] || fail "no archive $image/lib/app/$archive"
echo "AppCDS archive: $image/lib/app/$archive ($(du -h "$image/lib/app/$archive" | cut -f1), $(wc -l < "$list") classes listed)"
