from .plugin import TicketRelayPlugin  # noqa: F401
