"""Hook specifications for event-relay plugins."""
import pluggy

PROJECT = "event_relay"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


class RelaySpec:
    @hookspec
    def relay_configure(self, config: dict) -> None:
        """Called once at start-up, before any event. Plugins build clients here."""

    @hookspec
    def relay_event(self, event: dict) -> None:
        """Called for every event popped from the queue."""

    @hookspec
    def relay_flush(self) -> None:
        """Called after each batch of events."""

    @hookspec
    def relay_unconfigure(self) -> None:
        """Called once at shutdown. Plugins close what they built in relay_configure."""


def make_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(RelaySpec)
    pm.load_setuptools_entrypoints(PROJECT)
    return pm
