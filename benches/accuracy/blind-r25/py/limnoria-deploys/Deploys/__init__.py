###
# Copyright (c) 2024, Platform Team
# All rights reserved.
###

"""
Deploys: record deployments from chat, hand out per-environment deploy locks
and expand Jira ticket keys mentioned in release channels.
"""

import supybot
from supybot import world

__version__ = "0.4.2"

__author__ = supybot.Author("Platform Team", "platform", "platform@example.com")
__maintainer__ = getattr(supybot.authors, "unknown", None)

__contributors__ = {}

__url__ = "https://git.example.com/platform/limnoria-deploys"

from . import config
from . import plugin
from importlib import reload

# In case we're being reloaded.
reload(config)
reload(plugin)

if world.testing:
    from . import test  # noqa: F401

Class = plugin.Class
configure = config.configure
