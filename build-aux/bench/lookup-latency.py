#!/usr/bin/env python3
# GUI look-ups as ../shared/bench/sidebyside.py times them (Ctrl+O, the link, Return: the
# look-up; Return on Follow: the Follow; each to the last CPU use before 1 s of quiet), against
# a server that holds back each answer's headers DELAY seconds: the round trips of a real
# Indico over a slow network, which loopback does not have. Run inside an X server and a
# session bus:
#
#   lookup-latency.py BUILD_DIR SET_FOLDER WORK DELAY [RUNS]
#
# SET_FOLDER holds the two Indico exports (sidebyside.py's DATA/<set>); WORK is emptied for
# each run and becomes the home. Prints each run's look-up and Follow, then the medians.

import functools
import http.server
import os
import statistics
import subprocess
import sys
import threading
import time

top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(top, '..', 'shared', 'bench'))
import confclerk_bench as cb  # noqa: E402
import sidebyside as sbs  # noqa: E402
from xwait import MapWatcher  # noqa: E402
from add_event_dialog import type_link  # noqa: E402

build_dir, folder, work = (os.path.abspath(a) for a in sys.argv[1:4])
delay = float(sys.argv[4])
runs = int(sys.argv[5]) if len(sys.argv) > 5 else 5
args = type('Args', (), {'plenary': os.path.join(build_dir, 'src', 'plenary'),
                         'schemas': os.path.join(build_dir, 'data'), 'timeout': 120})
os.environ.setdefault('GDK_DISABLE', 'gl,vulkan')


class Held(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        time.sleep(delay)
        super().do_GET()

    def log_message(self, *args):
        pass


def look_up(home):
    subprocess.run(['rm', '-rf', home], check=True)
    os.makedirs(home)
    event_id = sbs.indico_tree(folder, os.path.join(home, 'srv'))
    server = http.server.ThreadingHTTPServer(
        ('127.0.0.1', 0), functools.partial(Held, directory=os.path.join(home, 'srv')))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    watcher = MapWatcher()
    launch = sbs.PLaunch(args, home, 'import')
    try:
        dialog = type_link(launch, watcher,
                           f'http://127.0.0.1:{server.server_port}/event/{event_id}/')
        start = time.monotonic()
        cb.xd('key', 'Return')
        lookup = cb.wait_idle([launch.pid], 1.0, time.monotonic() + args.timeout) - start
        start = time.monotonic()
        cb.xd('windowfocus', '--sync', dialog[1])
        cb.xd('key', 'Return')
        follow = cb.wait_idle([launch.pid], 1.0, time.monotonic() + args.timeout) - start
    finally:
        launch.stop()
        server.shutdown()
        watcher.close()
    return lookup, follow


results = []
for run in range(runs):
    lookup, follow = look_up(work)
    results.append((lookup, follow))
    print(f'run {run}: look-up {lookup:.3f} s, Follow {follow:.3f} s')
print(f'median of {runs} (answers held {delay:.3f} s): look-up '
      f'{statistics.median(r[0] for r in results):.3f} s, Follow '
      f'{statistics.median(r[1] for r in results):.3f} s, whole '
      f'{statistics.median(r[0] + r[1] for r in results):.3f} s')
