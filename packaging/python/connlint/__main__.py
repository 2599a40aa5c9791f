"""``python -m connlint ARGS``: run the connlint executable with ARGS."""

from __future__ import annotations

import os
import subprocess
import sys

from connlint._find import find_connlint_bin


def main() -> int:
    try:
        binary = find_connlint_bin()
    except FileNotFoundError as err:
        print(f"connlint: {err}", file=sys.stderr)
        return 2
    args = [binary, *sys.argv[1:]]
    if sys.platform == "win32":
        # No exec on Windows: run it and pass its exit code on.
        return subprocess.run(args).returncode
    os.execv(binary, args)
    return 2  # not reached


if __name__ == "__main__":
    sys.exit(main())
