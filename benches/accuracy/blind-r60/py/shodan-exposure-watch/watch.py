"""Consume the Shodan network-alert stream for our address space and keep an
exposure inventory; new CVEs on our hosts are posted to Slack."""

import logging
import os
import time

import requests
import shodan

from store import ExposureStore

log = logging.getLogger("exposure-watch")

ALERT_ID = os.environ.get("SHODAN_ALERT_ID")
SLACK_WEBHOOK = os.environ["SLACK_WEBHOOK_URL"]


def notify(slack: requests.Session, banner: dict) -> None:
    vulns = ", ".join(sorted(banner["vulns"].keys())[:8])
    text = f":rotating_light: {banner['ip_str']}:{banner['port']} ({banner.get('product', '?')}) - {vulns}"
    try:
        slack.post(SLACK_WEBHOOK, json={"text": text}, timeout=10).raise_for_status()
    except requests.RequestException:
        log.exception("slack notification failed")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    api = shodan.Shodan(os.environ["SHODAN_API_KEY"])
    store = ExposureStore(os.environ["DATABASE_URL"])
    slack = requests.Session()

    backoff = 5
    try:
        while True:
            try:
                for banner in api.stream.alert(aid=ALERT_ID, timeout=300):
                    store.record(banner)
                    if banner.get("vulns"):
                        notify(slack, banner)
                    backoff = 5
                log.info("stream idle for 300s, reopening")
            except (shodan.APIError, requests.RequestException) as exc:
                log.warning("stream dropped (%s), reconnecting in %ss", exc, backoff)
                time.sleep(backoff)
                backoff = min(backoff * 2, 300)
    except KeyboardInterrupt:
        pass
    finally:
        store.close()
        slack.close()


if __name__ == "__main__":
    main()
