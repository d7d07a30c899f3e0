"""Makes a generator script run where tcpdump sees the tests' own name files and time zone.

Golden files must not depend on the machine that made them: each generator calls
`rerun_hermetic()` first, which re-runs the script through tests/hermetic/run (a private /etc
with Debian's default hosts, services, networks and protocols, TZ=UTC, no network), the same
place the tests run rawdump in.
"""
import os
import sys
from pathlib import Path

HERMETIC_RUN = Path(__file__).resolve().parent.parent / "tests" / "hermetic" / "run"


def rerun_hermetic():
    if os.environ.get("RAWDUMP_HERMETIC") == "1":
        return
    argv = [str(HERMETIC_RUN), "--oracle", sys.executable, os.path.abspath(sys.argv[0]), *sys.argv[1:]]
    os.execv(argv[0], argv)
