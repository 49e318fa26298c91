#!/usr/bin/env python3
# Plenary's benchmark driver, run by `build-aux/dev bench` inside a private D-Bus session and
# a virtual X display. Prints one Markdown table: median (min–max) of several runs.
#
#   run.py BUILD_DIR DATA_DIR
#
# DATA_DIR holds one folder per event size with the two Indico exports in the LPC fixture
# shape (export-timetable-<id>.json, export-event-<id>-contributions.json).

import datetime
import glob
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

build_dir, data_dir = sys.argv[1:3]
plenary = os.path.join(build_dir, 'src', 'plenary')
bench_bin = os.path.join(build_dir, 'build-aux', 'bench', 'plenary-bench')
floor_bin = os.path.join(build_dir, 'build-aux', 'bench', 'json-floor')
window_floor_bin = os.path.join(build_dir, 'build-aux', 'bench', 'plenary-window-floor')
# A closed loopback port: the start-up sync fails at once and never touches the network.
SERVER = 'http://127.0.0.1:9/'

# (column, folder, runs)
SIZES = [
    ('LPC 2021', os.path.join(data_dir, 'lpc2021'), 5),
    ('2,000', os.path.join(data_dir, '2000'), 5),
    ('20,000', os.path.join(data_dir, '20000'), 3),
]
# PLENARY_BENCH_ONLY=lpc2021,2000 limits a run to some folders.
if os.environ.get('PLENARY_BENCH_ONLY'):
    only = os.environ['PLENARY_BENCH_ONLY'].split(',')
    SIZES = [s for s in SIZES if os.path.basename(s[1]) in only]


def log(message):
    print(message, file=sys.stderr, flush=True)


def exports(folder):
    timetable = glob.glob(os.path.join(folder, 'export-timetable-*.json'))[0]
    event_id = re.search(r'export-timetable-(.+)\.json$', timetable).group(1)
    event = os.path.join(folder, f'export-event-{event_id}-contributions.json')
    return event_id, timetable, event


def figures(argv, env=None):
    """The `name: value` lines a benchmark program prints."""
    out = subprocess.run(argv, env=env, capture_output=True, text=True, check=True).stdout
    return dict(line.split(': ', 1) for line in out.splitlines() if ': ' in line)


def xdg_env(root):
    env = dict(os.environ)
    for name in ('DATA', 'CONFIG', 'CACHE', 'STATE'):
        env[f'XDG_{name}_HOME'] = os.path.join(root, name.lower())
        os.makedirs(env[f'XDG_{name}_HOME'], exist_ok=True)
    return env


def store_event(xdg_data, folder):
    """Writes the event exactly as plenary-snapshot.c and plenary-event-list.c store it."""
    event_id, timetable, event = exports(folder)
    os.makedirs(xdg_data, exist_ok=True)
    with open(event, 'rb') as f:
        title = json.load(f)['results'][0]['title']
    with open(timetable, 'rb') as f:
        ts = json.load(f).get('ts', -1)
    directory = os.path.join(xdg_data, 'plenary', 'events', '127.0.0.1_9', event_id)
    os.makedirs(directory)
    parts = {}
    for part, source in (('timetable', timetable), ('event', event)):
        target = os.path.join(directory, f'{part}.json')
        shutil.copyfile(source, target)
        with open(target, 'rb') as f:
            data = f.read()
        parts[part] = {'sha256': hashlib.sha256(data).hexdigest(), 'size': len(data)}
    now = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec='seconds')
    with open(os.path.join(directory, 'meta.json'), 'w') as f:
        json.dump({'version': 1, 'fetched-at': now, 'ts': ts, 'parts': parts}, f)
    with open(os.path.join(xdg_data, 'plenary', 'events.json'), 'w') as f:
        json.dump({'version': 1, 'events': [{'server': SERVER, 'id': event_id, 'title': title,
                                             'added-at': now}]}, f)
    return title


def startup_run(template, scratch, expected_title, copy=True):
    """One `plenary --benchmark-startup` with the event stored; returns its figures.

    With @copy, the run gets a fresh copy of every XDG directory of @template (hard links:
    the files stay in the page cache, and Plenary replaces files by renaming, so nothing is
    written through a link); without, it runs in @template itself and leaves there what it
    writes at start-up (such as the derived form of the programme)."""
    run_dir = template
    if copy:
        run_dir = tempfile.mkdtemp(dir=scratch)
        os.rmdir(run_dir)
        subprocess.run(['cp', '-al', template, run_dir], check=True)
    env = xdg_env(run_dir)
    start_us = time.monotonic_ns() // 1000
    result = subprocess.run([plenary, '--benchmark-startup'], env=env, capture_output=True,
                            text=True, timeout=300)
    if copy:
        shutil.rmtree(run_dir)
    values = dict(line.split(': ', 1) for line in result.stdout.splitlines() if ': ' in line)
    if result.returncode != 0 or 'startup-ms' not in values:
        sys.exit(f'plenary --benchmark-startup failed ({result.returncode}):\n'
                 f'{result.stdout}\n{result.stderr}')
    if values.get('title') != expected_title:
        sys.exit(f'the window shows “{values.get("title")}”, not the stored event '
                 f'“{expected_title}”:\n{result.stderr}')
    return {
        # From the benchmark's fork/exec of the process, so dynamic linking counts too.
        'startup': (int(values['first-frame-monotonic-us']) - start_us) / 1e6,
        'startup_main': float(values['startup-ms']) / 1e3,
        'first_frame_rss': int(values['first-frame-rss-kib']),
        'search_ready': float(values['search-ready-ms']) / 1e3,
        'steady_rss': int(values['steady-rss-kib']),
        'search_p50': float(values['search-p50-ms']),
        'search_p95': float(values['search-p95-ms']),
        'day_p50': float(values['day-switch-p50-ms']),
        'day_p95': float(values['day-switch-p95-ms']),
    }


def window_floor_run(scratch):
    """One start of the window floor (window-floor.c), timed like startup_run()."""
    env = xdg_env(tempfile.mkdtemp(dir=scratch))
    start_us = time.monotonic_ns() // 1000
    out = subprocess.run([window_floor_bin], env=env, capture_output=True, text=True,
                         timeout=60, check=True).stdout
    values = dict(line.split(': ', 1) for line in out.splitlines() if ': ' in line)
    return (int(values['first-frame-monotonic-us']) - start_us) / 1e6


def summary(values, unit):
    fmt = {'s': lambda v: f'{v:.3f} s', 'ms': lambda v: f'{v:.2f} ms',
           'MiB': lambda v: f'{v / 1024:.0f} MiB'}[unit]
    if len(values) == 1:
        return fmt(values[0])
    return f'{fmt(statistics.median(values))} ({fmt(min(values))}–{fmt(max(values))})'


results = {}
scratch = tempfile.mkdtemp(prefix='plenary-bench-')
try:
    for column, folder, runs in SIZES:
        event_id, timetable, _ = exports(folder)
        r = results[column] = {'runs': runs}
        log(f'{column}: import ×{runs}')
        imports = [figures([bench_bin, 'import', folder], xdg_env(tempfile.mkdtemp(dir=scratch)))
                   for _ in range(runs + 1)][1:]
        r['import'] = [float(v['import-ms']) / 1e3 for v in imports]
        r['import_rss'] = [int(v['import-rss-kib']) for v in imports]
        r['import_parse'] = [float(v['read-parse-ms']) / 1e3 for v in imports]
        r['import_store'] = [float(v['store-ms']) / 1e3 for v in imports]

        log(f'{column}: unchanged re-sync ×{runs}')
        resyncs = [figures([bench_bin, 'resync', folder], xdg_env(tempfile.mkdtemp(dir=scratch)))
                   for _ in range(runs)]
        r['resync'] = [float(v['resync-ms']) for v in resyncs]

        log(f'{column}: search index ×{runs}')
        r['index'] = [float(figures([bench_bin, 'index', folder],
                                    xdg_env(tempfile.mkdtemp(dir=scratch)))['index-ms'])
                      for _ in range(runs)]

        log(f'{column}: schedule cache bytes ×{runs}')
        r['cache'] = [float(figures([bench_bin, 'cache', folder],
                                    xdg_env(tempfile.mkdtemp(dir=scratch)))['cache-ms'])
                      for _ in range(runs)]

        log(f'{column}: json-glib floor ×{runs}')
        floors = []
        for _ in range(runs):
            out = subprocess.run([floor_bin, timetable], capture_output=True, text=True,
                                 check=True).stdout
            values = dict(line.split(': ') for line in out.splitlines())
            floors.append((float(values['floor-ms']) / 1e3, int(values['floor-rss-kib'])))
        r['floor'] = [t for t, _ in floors]
        r['floor_rss'] = [m for _, m in floors]

        log(f'{column}: start-up, search and day switch ×{runs} (+1 warm-up)')
        template = os.path.join(scratch, f'store-{event_id}-{len(results)}')
        title = store_event(os.path.join(template, 'data'), folder)
        # The first start after a sync: fonts, icons and files come into the page cache, and
        # Plenary derives what it keeps beside the stored JSON.
        first = startup_run(template, scratch, title, copy=False)
        r['startup_first'] = [first['startup']]
        starts = [startup_run(template, scratch, title) for _ in range(runs)]
        for key in starts[0]:
            r[key] = [s[key] for s in starts]
        # The same start of a bare window of the same widgets, one day from memory: what
        # GTK, libadwaita and the session bus cost before any of Plenary's own work.
        window_floor_run(scratch)
        r['window_floor'] = [window_floor_run(scratch) for _ in range(runs)]
finally:
    shutil.rmtree(scratch, ignore_errors=True)

columns = [c for c, _, _ in SIZES]
rows = [
    ('Import: read + parse + index + store (in process)', 'import', 's'),
    ('… of which read + parse + index', 'import_parse', 's'),
    ('… of which store (exports, meta.json, schedule cache; each fsync\'d)', 'import_store', 's'),
    ('… of which the schedule cache\'s bytes, made alone (median of 7 in one process, per run)',
     'cache', 'ms'),
    ('Import peak RSS', 'import_rss', 'MiB'),
    ('json-glib floor: `json_parser_load_from_file` on the timetable', 'floor', 's'),
    ('json-glib floor peak RSS', 'floor_rss', 'MiB'),
    ('Start-up to first frame, event stored (from exec)', 'startup', 's'),
    ('Window floor: a bare window of the same widgets, one day from memory (from exec)',
     'window_floor', 's'),
    ('Start-up to first frame, from `main()`', 'startup_main', 's'),
    ('First start after the event was stored (one run, from exec)', 'startup_first', 's'),
    ('Search index ready, from `main()` (built in the background after the first frame)',
     'search_ready', 's'),
    ('Search index build alone, of the parsed event (median of 5 in one process, per run)',
     'index', 'ms'),
    ('RSS at the first frame', 'first_frame_rss', 'MiB'),
    ('Steady RSS after start-up (and the search/day loop)', 'steady_rss', 'MiB'),
    ('Search keystroke p50 (100 queries, per run)', 'search_p50', 'ms'),
    ('Search keystroke p95 (100 queries, per run)', 'search_p95', 'ms'),
    ('Day switch p50 (every day once, per run)', 'day_p50', 'ms'),
    ('Day switch max (every day once, per run)', 'day_p95', 'ms'),
    ('Unchanged re-sync from a loopback server (median of 7; nothing parsed)', 'resync', 'ms'),
]
RATIOS = {
    'import': 'Ratio import / floor (medians)',
    'startup': 'Ratio start-up / floor (medians)',
}
header = ' | '.join(f'{c} (runs: {results[c]["runs"]})' for c in columns)
print(f'| | {header} |')
print('|---|' + '---|' * len(columns))
for label, key, unit in rows:
    print(f'| {label} | ' + ' | '.join(summary(results[c][key], unit) for c in columns) + ' |')
    if key in RATIOS:
        ratios = [statistics.median(results[c][key]) / statistics.median(results[c]['floor'])
                  for c in columns]
        print(f'| {RATIOS[key]} | ' + ' | '.join(f'{r:.2f}×' for r in ratios) + ' |')
    if key == 'window_floor':
        ratios = [statistics.median(results[c]['startup'])
                  / statistics.median(results[c]['window_floor']) for c in columns]
        print('| Ratio start-up / window floor (medians) | '
              + ' | '.join(f'{r:.2f}×' for r in ratios) + ' |')
print()
print('Median (min–max). Search and day switch: the call, the idle work it queues, and the '
      'next frame from layout to the end of its paint (the wait for the frame clock\'s tick '
      'is not counted).')
