import os

import httpx
from nemoguardrails import LLMRails


def init(app: LLMRails):
    # Runs once when the LLMRails instance for this config is created; the server
    # caches that instance and reuses it for every chat request.
    helpdesk = httpx.AsyncClient(
        base_url=os.environ["HELPDESK_API"],
        headers={"Authorization": f"Bearer {os.environ['HELPDESK_TOKEN']}"},
        timeout=10.0,
    )
    app.register_action_param("helpdesk", helpdesk)
