from panther import Panther

import core.events  # noqa: F401  (registers the startup/shutdown handlers)
from core.urls import url_routing

app = Panther(__name__, configs='core.configs', urls=url_routing)
