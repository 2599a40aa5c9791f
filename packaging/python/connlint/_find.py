"""Where pip, uv or pipx put the ``connlint`` executable of this installation."""

from __future__ import annotations

import os
import sys
import sysconfig


def _exe(name: str) -> str:
    return name + (sysconfig.get_config_var("EXE") or (".exe" if os.name == "nt" else ""))


def _candidates() -> list[str]:
    dirs = []
    # The scheme this interpreter installs into (a virtualenv's bin/, or the system's).
    dirs.append(sysconfig.get_path("scripts"))
    # `pip install --user`.
    user_scheme = f"{os.name}_user" if os.name != "posix" or sys.platform != "darwin" else "osx_framework_user"
    if user_scheme in sysconfig.get_scheme_names():
        dirs.append(sysconfig.get_path("scripts", scheme=user_scheme))
    # `pip install --target DIR` or `--prefix DIR`: the scripts sit beside the package's tree,
    # DIR/bin, or PREFIX/bin for PREFIX/lib/pythonX.Y/site-packages/connlint.
    package = os.path.dirname(os.path.abspath(__file__))
    site = os.path.dirname(package)
    dirs.append(os.path.join(site, "bin"))
    dirs.append(os.path.join(site, os.pardir, os.pardir, os.pardir, "bin"))
    dirs.append(os.path.join(site, os.pardir, os.pardir, "Scripts"))
    return [os.path.normpath(os.path.join(d, _exe("connlint"))) for d in dirs if d]


def find_connlint_bin() -> str:
    """The path of the ``connlint`` executable installed with this package.

    Raises FileNotFoundError naming the places it looked.
    """
    looked = []
    for candidate in _candidates():
        if candidate in looked:
            continue
        looked.append(candidate)
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    raise FileNotFoundError(
        "the connlint executable of this installation was not found; looked in: " + ", ".join(looked)
    )
