#!/usr/bin/env python3
# test-po.py: every translation in po/LINGUAS is complete against the sources as they are now.
#
# Copyright 2026 The Plenary authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# test-po.py SOURCE_ROOT BUILD_ROOT [PLENARY PROFILE]
#
# A TAP test, one line per check:
# - po/POTFILES.in lists every file with a translatable string;
# - each .po passes `msgfmt --check --check-accelerators` and has the right Plural-Forms;
# - each .po, merged with a template made now from the sources (not a committed one), has no
#   untranslated and no fuzzy message;
# - the desktop file and the metainfo that the build merged carry every language;
# - a development build's `plenary --help` speaks each language with PLENARY_LOCALEDIR.

import gettext
import os
import re
import subprocess
import sys
import tempfile

# Meson's i18n 'glib' preset (what `meson compile plenary-pot` passes to xgettext).
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

PLURAL_FORMS = {
    'de': 'nplurals=2; plural=(n != 1);',
    'fr': 'nplurals=2; plural=(n > 1);',
    # GNOME Hebrew's (as GTK's he.po): one, two, tens (20, 30 …), other.
    'he': 'nplurals=4; plural=(n==1 ? 0 : n==2 ? 1 : n>10 && n%10==0 ? 2 : 3);',
}

# A call of a gettext function in C, or a translatable property in a .ui file.
C_MARK = re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|ngettext|g_dngettext|g_dpgettext2?)\s*\(')
UI_MARK = re.compile(r'translatable="yes"')

source_root, build_root = sys.argv[1], sys.argv[2]
po_dir = os.path.join(source_root, 'po')
results = []


def check(ok, name, detail=''):
    results.append((ok, name, detail))


def read_list(path):
    with open(path, encoding='utf-8') as f:
        return [l.strip() for l in f if l.strip() and not l.startswith('#')]


def run(*args):
    return subprocess.run(args, capture_output=True, text=True)


linguas = read_list(os.path.join(po_dir, 'LINGUAS'))
potfiles = read_list(os.path.join(po_dir, 'POTFILES.in'))
check(len(linguas) > 0, 'po/LINGUAS names at least one language')

# Every file with a string to translate is in POTFILES.in, and every listed file exists.
marked = []
for top in ('src', 'data'):
    for dirpath, dirnames, filenames in os.walk(os.path.join(source_root, top)):
        for name in filenames:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, source_root)
            if name.endswith('.c'):
                pattern = C_MARK
            elif name.endswith('.ui'):
                pattern = UI_MARK
            else:
                continue
            with open(path, encoding='utf-8') as f:
                if pattern.search(f.read()):
                    marked.append(rel)
missing = sorted(set(marked) - set(potfiles))
check(not missing, 'po/POTFILES.in lists every file with translatable strings',
      'missing: ' + ', '.join(missing))
absent = [p for p in potfiles if not os.path.exists(os.path.join(source_root, p))]
check(not absent, 'every file in po/POTFILES.in exists', 'absent: ' + ', '.join(absent))

with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, 'plenary.pot')
    files_from = os.path.join(tmp, 'POTFILES')
    with open(files_from, 'w', encoding='utf-8') as f:
        f.write('\n'.join(p for p in potfiles if p not in absent) + '\n')
    r = run('xgettext', '--package-name=plenary', '--directory=' + source_root,
            '--files-from=' + files_from, '--output=' + pot, *XGETTEXT_ARGS)
    check(r.returncode == 0 and os.path.exists(pot), 'xgettext makes a template from the sources',
          r.stderr)

    for lang in linguas:
        po = os.path.join(po_dir, lang + '.po')
        if not os.path.exists(po):
            check(False, f'{lang}: po/{lang}.po exists')
            continue

        r = run('msgfmt', '--check', '--check-accelerators=_', '--statistics',
                '--output-file=/dev/null', po)
        check(r.returncode == 0, f'{lang}: msgfmt --check --check-accelerators=_ passes',
              r.stderr)

        with open(po, encoding='utf-8') as f:
            # The header's lines joined: msgmerge wraps a long Plural-Forms over two.
            head = f.read().split('\n\n', 1)[0]
        joined = ''.join(re.findall(r'^"(.*)"$', head, flags=re.M))
        header = re.search(r'Plural-Forms: *([^\\]*)', joined)

        # A path quoted in a sentence (« /event/ », „/event/“) is one word: GTK's labels may
        # break a line after a "/", so the translation joins its pieces with U+2060 WORD JOINER.
        with open(po, encoding='utf-8') as f:
            paths = re.findall(r'[«„]\u00a0?(/[^\s»“"]*/)', f.read())
        loose = [p for p in paths if re.search(r'/[^\u2060]|[^\u2060]/', p)]
        check(not loose, f'{lang}: quoted paths do not break at "/"', ' '.join(loose))
        if lang in PLURAL_FORMS:
            check(header is not None and header.group(1).strip() == PLURAL_FORMS[lang],
                  f'{lang}: Plural-Forms is "{PLURAL_FORMS[lang]}"',
                  header.group(1) if header else 'no Plural-Forms header')

        # The translation as it will be after msgmerge with today's sources: new msgids come in
        # untranslated (or fuzzy), changed ones fuzzy.
        merged = os.path.join(tmp, lang + '.po')
        r = run('msgmerge', '--quiet', '--output-file=' + merged, po, pot)
        if r.returncode != 0 or not os.path.exists(pot):
            check(False, f'{lang}: msgmerge with the fresh template', r.stderr)
            continue
        r = run('msgfmt', '--check', '--statistics', '--output-file=/dev/null', merged)
        stats = r.stderr.strip()
        fuzzy = re.search(r'(\d+) fuzzy', stats)
        untranslated = re.search(r'(\d+) untranslated', stats)
        check(r.returncode == 0 and fuzzy is None and untranslated is None,
              f'{lang}: every message of the current sources is translated ({stats})',
              'run po/update.sh, then translate what msgattrib --untranslated --only-fuzzy '
              f'lists in po/{lang}.po')
        if fuzzy or untranslated:
            r = run('msgattrib', '--no-obsolete', '--no-wrap', '--only-fuzzy', merged)
            fuzzy_ids = re.findall(r'^msgid (".*")$', r.stdout, re.M)[1:]
            r = run('msgattrib', '--no-obsolete', '--no-wrap', '--untranslated', merged)
            new_ids = re.findall(r'^msgid (".*")$', r.stdout, re.M)[1:]
            for msgid in fuzzy_ids[:20]:
                print(f'# {lang}: fuzzy {msgid}')
            for msgid in new_ids[:20]:
                print(f'# {lang}: untranslated {msgid}')

# What merge_file made in the build: a Name/Comment and the metainfo's texts in each language.
data_dir = os.path.join(build_root, 'data')
desktop = [n for n in os.listdir(data_dir) if n.endswith('.desktop')]
metainfo = [n for n in os.listdir(data_dir) if n.endswith('.metainfo.xml')]
check(len(desktop) == 1 and len(metainfo) == 1, 'the build has one desktop file and one metainfo')
for name in desktop:
    with open(os.path.join(data_dir, name), encoding='utf-8') as f:
        text = f.read()
    for lang in linguas:
        check(f'Comment[{lang}]=' in text and f'GenericName[{lang}]=' in text,
              f'{lang}: {name} is translated')
for name in metainfo:
    with open(os.path.join(data_dir, name), encoding='utf-8') as f:
        text = f.read()
    english = len(re.findall(r'<(?:summary|p|li)>', text))
    for lang in linguas:
        n = len(re.findall(rf'<(?:summary|p|li) xml:lang="{lang}">', text))
        check(n == english, f'{lang}: {name} has all {english} texts translated', f'{n} of them')

# The command line of an uninstalled development build, through main.c's PLENARY_LOCALEDIR.
def locale_for(lang):
    """The language's own locale where it is generated, else C.UTF-8: glibc 2.36 honours
    LANGUAGE under C.UTF-8, newer ones (Debian 13's 2.41) do not."""
    try:
        known = subprocess.run(['locale', '-a'], capture_output=True, text=True).stdout.split()
    except OSError:
        known = []
    for name in known:
        if name.lower().startswith(lang + '_') and name.lower().endswith(('.utf8', '.utf-8')):
            return name
    return 'C.UTF-8'


if len(sys.argv) > 4 and sys.argv[4] == 'development':
    locale_dir = os.path.join(build_root, 'po')
    msgid = 'Check an event’s programme and print a summary for organisers'
    for lang in linguas:
        mo = os.path.join(locale_dir, lang, 'LC_MESSAGES', 'plenary.mo')
        if not os.path.exists(mo):
            check(False, f'{lang}: the build compiled {mo}')
            continue
        with open(mo, 'rb') as f:
            expected = gettext.GNUTranslations(f).gettext(msgid)
        env = dict(os.environ, LC_ALL=locale_for(lang), LANGUAGE=lang, PLENARY_LOCALEDIR=locale_dir)
        r = subprocess.run([sys.argv[3], '--help'], capture_output=True, text=True, env=env)
        check(expected != msgid and expected in r.stdout,
              f'{lang}: plenary --help is translated', r.stdout + r.stderr)

print(f'1..{len(results)}')
for i, (ok, name, detail) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {i} {name}')
    if not ok and detail:
        for line in detail.strip().splitlines():
            print(f'# {line}')
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
