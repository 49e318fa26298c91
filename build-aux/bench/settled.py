#!/usr/bin/env python3
# Plenary's start-up timed from outside, as ../shared/bench/sidebyside.py times it (window
# mapped, last CPU use before 1 s of quiet, last change of the screen's pixels), next to the
# window floor (window-floor.c) started the same way, with each figure's ratio to the floor
# and the CPU time each start used. Run inside an X server and a session bus:
#
#   settled.py BUILD_DIR HOME [RUNS]
#
# HOME is a home folder with an event followed and stored (sidebyside.py's p-st-<set>, or
# any $HOME whose .local/share/plenary holds one).

import os
import statistics
import sys
import time
import types

top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(top, '..', 'shared', 'bench'))
import sidebyside  # noqa: E402
from xwait import MapWatcher, ScreenWatcher  # noqa: E402

build_dir, home = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
programs = {
    'Plenary': os.path.join(build_dir, 'src', 'plenary'),
    'Window floor': os.path.join(build_dir, 'build-aux', 'bench', 'plenary-window-floor'),
}
schemas = os.path.join(build_dir, 'data')
# The floor quits after its first frame unless told to stay, as a window does.
os.environ['PLENARY_FLOOR_STAY'] = '1'
# GL off on GTK 4.16 and later too, as in sidebyside.py here (GTK 4.8 reads GDK_DEBUG).
os.environ.setdefault('GDK_DISABLE', 'gl,vulkan')


def cpu_seconds(rss_file):
    values = {}
    with open(rss_file) as f:
        for line in f:
            key, _, value = line.strip().rpartition(': ')
            values[key] = value
    return float(values['User time (seconds)']) + float(values['System time (seconds)'])


def measure(binary):
    a = types.SimpleNamespace(plenary=binary, schemas=schemas)
    launches = []

    def make(tag):
        launch = sidebyside.PLaunch(a, home, tag)
        launches.append(launch)
        return launch

    watcher = MapWatcher()
    sidebyside.one_start(make, 'warmup', watcher, 'lenary')
    results = []
    for i in range(runs):
        time.sleep(0.3)
        r = sidebyside.one_start(make, f'warm{i}', watcher, 'lenary')
        r['cpu_s'] = cpu_seconds(launches[-1].rss_file)
        results.append(r)
    watcher.close()
    screen = ScreenWatcher()
    for i in range(runs):
        time.sleep(0.5)
        results.append(sidebyside.one_visual(make, f'visual{i}', screen))
    screen.close()
    return results


measured = {name: measure(binary) for name, binary in programs.items()}
rows = (('window mapped', 'map_s', 's'), ('idle (last CPU use before 1 s of quiet)', 'idle_s', 's'),
        ('visually complete (last pixel change)', 'visual_s', 's'),
        ('CPU time of the start (user + system, to idle + 1 s)', 'cpu_s', 's'),
        ('peak RSS', 'peak_rss_kb', 'k'))


def cell(values, unit):
    if not values:
        return '—'
    fmt = (lambda v: f'{v:.3f} s') if unit == 's' else (lambda v: f'{v / 1024:.0f} MiB')
    return f'{fmt(statistics.median(values))} ({fmt(min(values))}–{fmt(max(values))})'


print(f'\n| warm start ({runs} runs, median (min–max)) | Plenary | Window floor | Plenary / floor |')
print('|---|---|---|---|')
for label, key, unit in rows:
    p = [r[key] for r in measured['Plenary'] if r.get(key) is not None]
    f = [r[key] for r in measured['Window floor'] if r.get(key) is not None]
    ratio = f'{statistics.median(p) / statistics.median(f):.2f}×' if p and f else '—'
    print(f'| {label} | {cell(p, unit)} | {cell(f, unit)} | {ratio} |')
