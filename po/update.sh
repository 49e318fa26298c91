#!/bin/sh
# po/update.sh [BUILD_DIR]: after new or changed strings (e.g. after merging branches), make the
# template from the sources and merge it into every translation, then say what is left to do.
#
#   po/update.sh                 # uses _build (configured as build-aux/dev does)
#   $EDITOR po/de.po po/fr.po    # translate the entries listed; remove "#, fuzzy" when done
#   build-aux/dev check test-po test-l10n
#
# New source files with strings go into po/POTFILES.in first; a new language into po/LINGUAS
# (then `meson setup --reconfigure BUILD_DIR`, since meson reads LINGUAS when configuring).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/_build}

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" -Dprofile=development
fi
# po/plenary.pot (not committed: it is made from the sources every time).
meson compile -C "$build" plenary-pot

status=0
for lang in $(grep -v '^#' "$top/po/LINGUAS"); do
  po=$top/po/$lang.po
  if [ ! -f "$po" ]; then
    msginit --no-translator --locale="$lang" --input="$top/po/plenary.pot" --output-file="$po"
  fi
  # --previous keeps the old English next to a fuzzy entry, so the change is easy to see.
  msgmerge --quiet --update --previous --backup=none "$po" "$top/po/plenary.pot"
  printf '%s: ' "$lang"
  msgfmt --check --statistics --output-file=/dev/null "$po"
  todo=$(msgattrib --no-obsolete --only-fuzzy "$po"; msgattrib --no-obsolete --untranslated "$po")
  if [ -n "$todo" ]; then
    status=1
    printf '%s\n' "$todo" | grep -E '^msgid "|^msgctxt' | grep -v '^msgid ""$' | sed "s/^/  $lang: /"
  fi
done
exit $status
