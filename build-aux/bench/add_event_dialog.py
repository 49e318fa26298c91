# Drives Plenary's Add Event dialog as ../shared/bench/sidebyside.py does, for the scripts here
# that time a look-up in their own way (import-timeline.py, lookup-latency.py).

import time

import confclerk_bench as cb


def type_link(launch, watcher, url):
    """Once Plenary's window is up and quiet: Ctrl+O, and @url typed in the dialog's link
    entry (it has the focus), then quiet again. Returns the dialog's (name, window id)."""
    mapped = watcher.wait_map(None, launch.t0 + 60, wm_class='lenary')
    if not mapped:
        raise SystemExit('Plenary window never mapped')
    cb.wait_idle([launch.pid], 1.0, time.monotonic() + 60)
    cb.xd('windowfocus', '--sync', mapped[1])
    cb.xd('key', 'ctrl+o')
    dialog = watcher.wait_map('Add Event', time.monotonic() + 20)
    if not dialog:
        raise SystemExit('Add Event dialog never mapped')
    time.sleep(0.3)
    cb.xd('windowfocus', '--sync', dialog[1])
    cb.xd('type', '--delay', '2', url)
    cb.wait_idle([launch.pid], 0.3, time.monotonic() + 10)
    return dialog
