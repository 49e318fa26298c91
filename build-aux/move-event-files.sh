#!/usr/bin/env bash
# move-event-files.sh: PlenaryEvent moves to src/model/ and the events list to src/store/,
# where DESIGN.md places them, with every include, meson list, fuzz harness path and
# POTFILES/.po reference that names them (issue 17, item 7).
#
# For the coordinator, once, after merging every branch of issue 17 (the files were being
# edited when this was written, so they were not moved then): run it from a clean checkout,
# then `build-aux/dev build && build-aux/dev check`, and commit. It stages its own deletion.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"

die () { printf 'move-event-files: %s\n' "$*" >&2; exit 1; }

[[ -f src/sync/plenary-event.c ]] || die "src/sync/plenary-event.c is not there: moved already?"
git diff --quiet HEAD -- || die "commit or stash your changes first"

git mv src/sync/plenary-event.c src/model/plenary-event.c
git mv src/sync/plenary-event.h src/model/plenary-event.h
git mv src/sync/plenary-event-list.c src/store/plenary-event-list.c
git mv src/sync/plenary-event-list.h src/store/plenary-event-list.h

# Paths with their folder: includes, the fuzz harness's sources, POTFILES.in, .po comments.
mapfile -t files < <(git grep -l -e 'sync/plenary-event\.[ch]' -e 'sync/plenary-event-list\.[ch]' \
                       -- . ':!build-aux/move-event-files.sh')
if ((${#files[@]} > 0)); then
  sed -i -e 's|sync/plenary-event\.\([ch]\)\b|model/plenary-event.\1|g' \
         -e 's|sync/plenary-event-list\.\([ch]\)\b|store/plenary-event-list.\1|g' "${files[@]}"
fi

# Bare names, which only resolve beside the file: sync/ used them, and the list's header.
fix_bare () {
  local dir=$1 event=$2 list=$3 f
  for f in "$dir"/*.[ch]; do
    sed -i -e "s|#include \"plenary-event\\.h\"|#include \"$event\"|" \
           -e "s|#include \"plenary-event-list\\.h\"|#include \"$list\"|" "$f"
  done
}
fix_bare src/sync model/plenary-event.h store/plenary-event-list.h
fix_bare src/store model/plenary-event.h plenary-event-list.h
fix_bare src/model plenary-event.h store/plenary-event-list.h

# Meson: each folder lists its own sources. PlenaryEvent is not in plenary_model_sources
# (the parser-only harnesses' list): it needs the store.
sed -i -e "/^plenary_sources += files('plenary-event\\.c')$/d" \
       -e "/^plenary_sources += files('plenary-event-list\\.c')$/d" src/sync/meson.build
printf "%s\n" "plenary_sources += files('plenary-event.c')" >> src/model/meson.build
printf "%s\n" "plenary_sources += files('plenary-event-list.c')" >> src/store/meson.build

# Nothing may name the old places.
if git grep -n -e 'sync/plenary-event\.[ch]' -e 'sync/plenary-event-list\.[ch]' \
     -- . ':!build-aux/move-event-files.sh'; then
  die "the lines above still name the old paths"
fi
if grep -n "plenary-event\\.c'\\|plenary-event-list\\.c'" src/sync/meson.build; then
  die "src/sync/meson.build still lists them"
fi

git add -u
git rm -q build-aux/move-event-files.sh
git status --short
echo "Moved. Now: build-aux/dev build && build-aux/dev check, then commit."
