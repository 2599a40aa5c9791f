###
# Copyright (c) 2024, Platform Team
# All rights reserved.
###

from supybot import conf, registry

try:
    from supybot.i18n import PluginInternationalization

    _ = PluginInternationalization("Deploys")
except ImportError:
    def _(x):
        return x


def configure(advanced):
    # This will be called by supybot to configure this module.
    from supybot.questions import expect, anything, something, yn  # noqa: F401

    conf.registerPlugin("Deploys", True)


Deploys = conf.registerPlugin("Deploys")

conf.registerGlobalValue(
    Deploys, "redisUrl",
    registry.String("redis://localhost:6379/3", _("""Redis URL used for deploy locks.""")),
)
conf.registerGlobalValue(
    Deploys, "jiraBase",
    registry.String("https://jira.example.com", _("""Base URL of the Jira instance.""")),
)
conf.registerGlobalValue(
    Deploys, "jiraToken",
    registry.String("", _("""API token of the Jira bot user."""), private=True),
)
conf.registerChannelValue(
    Deploys, "expandTickets",
    registry.Boolean(True, _("""Whether Jira keys mentioned in the channel are expanded.""")),
)
conf.registerGlobalValue(
    Deploys, "lockMinutes",
    registry.PositiveInteger(30, _("""How long a deploy lock is held.""")),
)
