"""Django app config; pretix discovers it through the pretix.plugin entry point."""
from django.utils.translation import gettext_lazy

from . import __version__

try:
    from pretix.base.plugins import PluginConfig
except ImportError:
    raise RuntimeError("Please use pretix 2.7 or above to run this plugin!")


class PluginApp(PluginConfig):
    default = True
    name = "pretix_crmsync"
    verbose_name = "CRM sync"

    class PretixPluginMeta:
        name = gettext_lazy("CRM sync")
        author = "Events Tech Team"
        description = gettext_lazy(
            "Push orders to your CRM and store nightly attendee snapshots."
        )
        visible = True
        version = __version__
        category = "INTEGRATION"
        compatibility = "pretix>=2024.1.0"

    def ready(self):
        # connects the signal receivers; runs once per process at Django start-up
        from . import signals  # NOQA
