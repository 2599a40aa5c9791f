import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "_vendor"))

from krita import Krita  # noqa: E402

from .extension import ShotPublisher  # noqa: E402

Krita.instance().addExtension(ShotPublisher(Krita.instance()))
