#!/usr/bin/env python3
# One GUI import as ../shared/bench/sidebyside.py times it (Ctrl+O, the link, Return: the
# look-up; Return on Follow), with `perf record` on Plenary from just before the look-up's
# Return to the end of the Follow, and which threads were on a CPU when: where a look-up's
# time goes (the download on the main thread, the parse, the hashing and the writes in
# workers) and which of them is on the critical path. Run inside an X server and a session
# bus:
#
#   import-timeline.py BUILD_DIR SET_FOLDER WORK [BIN_SECONDS]
#
# SET_FOLDER holds the two Indico exports (sidebyside.py's DATA/<set>); WORK is emptied and
# becomes the home. Prints the look-up and Follow times (Return to the last CPU use before
# 1 s of quiet), then per BIN_SECONDS (0.05 unless given) the samples of each thread, at
# 2,000 a second (100 in a bin of 0.05 s is one thread on a CPU all the time).
# `perf report -i WORK/perf.data --tid TID --time START,END` says what a thread did when.

import collections
import os
import re
import subprocess
import sys
import time

top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(top, '..', 'shared', 'bench'))
import confclerk_bench as cb  # noqa: E402
import sidebyside as sbs  # noqa: E402
from xwait import MapWatcher  # noqa: E402
from add_event_dialog import type_link  # noqa: E402

FREQUENCY = 2000

build_dir, folder, home = (os.path.abspath(a) for a in sys.argv[1:4])
bin_width = float(sys.argv[4]) if len(sys.argv) > 4 else 0.05
args = type('Args', (), {'plenary': os.path.join(build_dir, 'src', 'plenary'),
                         'schemas': os.path.join(build_dir, 'data'), 'timeout': 120})
# GL off on GTK 4.16 and later too, as in sidebyside.py here (GTK 4.8 reads GDK_DEBUG).
os.environ.setdefault('GDK_DISABLE', 'gl,vulkan')

subprocess.run(['rm', '-rf', home], check=True)
os.makedirs(home)
event_id = sbs.indico_tree(folder, os.path.join(home, 'srv'))
server, port = sbs.serve(os.path.join(home, 'srv'))
watcher = MapWatcher()
launch = sbs.PLaunch(args, home, 'import')
perf = None
try:
    dialog = type_link(launch, watcher, f'http://127.0.0.1:{port}/event/{event_id}/')
    perf = subprocess.Popen(['perf', 'record', '-F', str(FREQUENCY), '-g', '-k', 'mono',
                             '-o', os.path.join(home, 'perf.data'), '-p', str(launch.pid)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    lookup_start = time.monotonic()
    cb.xd('key', 'Return')
    lookup_end = cb.wait_idle([launch.pid], 1.0, time.monotonic() + args.timeout)
    follow_start = time.monotonic()
    cb.xd('windowfocus', '--sync', dialog[1])
    cb.xd('key', 'Return')
    follow_end = cb.wait_idle([launch.pid], 1.0, time.monotonic() + args.timeout)
finally:
    if perf is not None:
        perf.send_signal(2)
        perf.wait()
    launch.stop()
    server.terminate()
    server.wait()
    watcher.close()

print(f'look-up {lookup_end - lookup_start:.3f} s, Follow {follow_end - follow_start:.3f} s; '
      f'the look-up\'s Return at {lookup_start:.6f} s (CLOCK_MONOTONIC, as perf.data\'s times)')
script = subprocess.run(['perf', 'script', '-i', os.path.join(home, 'perf.data'),
                         '-F', 'comm,tid,time'], capture_output=True, text=True).stdout
bins = collections.defaultdict(collections.Counter)
for line in script.splitlines():
    sample = re.match(r'\s*(.+?)\s+(\d+)\s+(\d+\.\d+):', line)
    if sample:
        comm, tid, at = sample.group(1), sample.group(2), float(sample.group(3))
        bins[int((at - lookup_start) // bin_width)][f'{comm}:{tid}'] += 1
for bin_index in sorted(bins):
    start = bin_index * bin_width
    label = 'Follow ' if start >= follow_start - lookup_start else 'look-up'
    threads = ' '.join(f'{name}={n}' for name, n in sorted(bins[bin_index].items()))
    print(f'{label} {start:6.2f} s  {threads}')
