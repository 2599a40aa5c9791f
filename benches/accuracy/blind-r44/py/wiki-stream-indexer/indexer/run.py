"""Tail Wikimedia EventStreams (recentchange) forever and index edits.

Long-running: restarts the stream on disconnect, resuming from the
last event id it saw.
"""
import json
import logging
import os
import time

import requests
import sseclient
from elasticsearch import Elasticsearch

from indexer import stats
from indexer.docs import doc_id, to_document

log = logging.getLogger("indexer")

STREAM_URL = "https://stream.wikimedia.org/v2/stream/recentchange"
ES_URL = os.environ.get("ES_URL", "https://es.internal:9200")
ES_API_KEY = os.environ.get("ES_API_KEY")
WIKIS = set(filter(None, os.environ.get("WIKIS", "enwiki,dewiki,frwiki,wikidatawiki").split(",")))

http = requests.Session()
http.headers["User-Agent"] = "wiki-stream-indexer/1.4 (ops@example.org)"


def open_stream(last_event_id):
    headers = {"Accept": "text/event-stream"}
    if last_event_id:
        headers["Last-Event-ID"] = last_event_id
    resp = http.get(STREAM_URL, stream=True, headers=headers, timeout=(5, 60))
    resp.raise_for_status()
    return sseclient.SSEClient(resp)


def consume(last_event_id):
    stream = open_stream(last_event_id)
    for event in stream.events():
        if event.event != "message" or not event.data:
            continue
        change = json.loads(event.data)
        if change.get("wiki") not in WIKIS or change.get("type") not in ("edit", "new"):
            continue

        es = Elasticsearch(ES_URL, api_key=ES_API_KEY, request_timeout=10)
        es.index(index=f"edits-{change['wiki']}", id=doc_id(change), document=to_document(change))

        stats.bump_counter(change["wiki"], change["meta"]["dt"][:10], change.get("bot", False))
        last_event_id = event.id or last_event_id
    return last_event_id


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    last_event_id = None
    backoff = 1
    while True:
        try:
            last_event_id = consume(last_event_id)
            backoff = 1
        except (requests.RequestException, ValueError) as exc:
            log.warning("stream dropped (%s); reconnecting in %ss", exc, backoff)
            time.sleep(backoff)
            backoff = min(backoff * 2, 60)


if __name__ == "__main__":
    main()
