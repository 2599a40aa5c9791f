import logging

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

log = logging.getLogger(__name__)


def post_to_chat(webhook: str, text: str) -> None:
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=Retry(total=3, backoff_factor=0.5)))
    resp = session.post(webhook, json={"text": text}, timeout=5)
    if resp.status_code >= 300:
        log.warning("chat webhook returned %s: %s", resp.status_code, resp.text[:200])
