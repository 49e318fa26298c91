#!/usr/bin/env python3
# ../shared/bench/sidebyside.py (Plenary and ConfClerk on the same programme, timed from
# outside), run as it is but for one keystroke. Plenary's Add Event dialog opens with the focus
# in the link entry; the script sends a Tab to get there, a workaround for the old focus on
# Cancel, and that Tab would now move the focus away from the entry. This drops that one Tab.
#
#   xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
#     python3 build-aux/bench/sidebyside.py --plenary B/src/plenary --schemas B/data \
#       --data D --work W --sets lpc2021,gen2000,gen20000 --runs 5 --imports 2
#
# (the arguments are sidebyside.py's: see ../shared/bench/README.md)
#
# The script turns GL off with GDK_DEBUG=gl-disable, which GTK 4.16 and later ignore for
# GDK_DISABLE=gl: on Debian 13 (GTK 4.18) Mesa's llvmpipe was loaded all the same, 122 MiB for
# the bare window floor against 55 MiB with GDK_DISABLE=gl. Set here for the same conditions on
# both platforms; GTK 4.8 does not read it.

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                '..', '..', '..', 'shared', 'bench'))
import confclerk_bench  # noqa: E402
import sidebyside  # noqa: E402

_xdotool = confclerk_bench.xd


def xdotool_without_the_tab(*args):
    if args == ('key', 'Tab'):
        return ''
    return _xdotool(*args)


os.environ.setdefault('GDK_DISABLE', 'gl,vulkan')
confclerk_bench.xd = xdotool_without_the_tab
sidebyside.main()
