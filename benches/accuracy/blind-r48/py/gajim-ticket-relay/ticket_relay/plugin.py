import logging
import os

import httpx
from gajim.common import ged
from gajim.plugins import GajimPlugin
from gajim.plugins.plugins_i18n import _

from . import history, tickets_db

log = logging.getLogger("gajim.p.ticket_relay")

HELPDESK_API = os.environ.get("HELPDESK_API", "https://helpdesk.internal/api/v2")
HELPDESK_TOKEN = os.environ.get("HELPDESK_TOKEN", "")


class TicketRelayPlugin(GajimPlugin):
    def init(self):
        self.description = _("Turns '!ticket' messages into helpdesk tickets.")
        self.config_dialog = None
        self.events_handlers = {
            "message-received": (ged.PRECORE, self._on_message_received),
        }

    def activate(self):
        log.info("ticket relay active, helpdesk at %s", HELPDESK_API)

    def deactivate(self):
        log.info("ticket relay disabled")

    def _on_message_received(self, event):
        body = (event.msgtxt or "").strip()
        if not body:
            return
        jid = str(event.jid)
        history.log_inbound(event.account, jid, body)
        if not body.lower().startswith("!ticket"):
            return

        summary = body[len("!ticket"):].strip() or "(no summary)"
        existing = tickets_db.open_ticket_for(jid)
        api = httpx.Client(
            base_url=HELPDESK_API,
            headers={"Authorization": f"Bearer {HELPDESK_TOKEN}"},
            timeout=10.0,
        )
        if existing is not None:
            api.post(f"/tickets/{existing}/comments", json={"body": summary, "via": "xmpp"})
            return
        resp = api.post(
            "/tickets",
            json={"subject": summary[:120], "description": summary, "requester": jid, "channel": "xmpp"},
        )
        resp.raise_for_status()
        tickets_db.link_ticket(jid, resp.json()["id"])
