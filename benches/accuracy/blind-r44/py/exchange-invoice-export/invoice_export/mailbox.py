"""Exchange access (EWS via exchangelib)."""
import logging
import time

from exchangelib import DELEGATE, Account, Configuration, Credentials
from exchangelib.errors import TransportError

log = logging.getLogger("invoice_export.mailbox")


def open_mailbox(address, username, password, server=None, attempts=4):
    """Connect to the AP mailbox, retrying autodiscover hiccups. Called once per run."""
    credentials = Credentials(username=username, password=password)
    config = Configuration(server=server, credentials=credentials) if server else None
    for attempt in range(1, attempts + 1):
        try:
            account = Account(
                primary_smtp_address=address,
                credentials=credentials,
                config=config,
                autodiscover=config is None,
                access_type=DELEGATE,
            )
            account.root.refresh()
            break
        except TransportError as exc:
            if attempt == attempts:
                raise
            log.warning("Exchange not reachable (attempt %d): %s", attempt, exc)
            time.sleep(5 * attempt)
    return account


def invoice_messages(account, since):
    folder = account.inbox / "Invoices"
    return (
        folder.filter(datetime_received__gt=since, has_attachments=True)
        .only("id", "subject", "sender", "datetime_received", "attachments")
        .order_by("datetime_received")
    )
