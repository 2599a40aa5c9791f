"""Follow the Bluesky firehose and record every post that links to a tracked domain.

Run with:  python -m linkwatch.main
"""
import logging
import os
import signal
from urllib.parse import urlsplit

from atproto import CAR, AtUri, FirehoseSubscribeReposClient, models, parse_subscribe_repos_message

from linkwatch.previews import fetch_preview
from linkwatch.store import bump_domain, load_cursor, record_link, save_cursor

log = logging.getLogger("linkwatch")

TRACKED = {
    d.strip().lower()
    for d in os.environ.get("TRACKED_DOMAINS", "example.com").split(",")
    if d.strip()
}
CURSOR_EVERY = 1000

_cursor = load_cursor()
params = models.ComAtprotoSyncSubscribeRepos.Params(cursor=_cursor) if _cursor else None
client = FirehoseSubscribeReposClient(params)


def _links(record: dict) -> list[str]:
    found = []
    for facet in record.get("facets") or []:
        for feature in facet.get("features") or []:
            if feature.get("$type") == "app.bsky.richtext.facet#link" and feature.get("uri"):
                found.append(feature["uri"])
    embed = record.get("embed") or {}
    external = embed.get("external") or {}
    if external.get("uri"):
        found.append(external["uri"])
    return list(dict.fromkeys(found))


def _domain(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def on_message_handler(message) -> None:
    commit = parse_subscribe_repos_message(message)
    if not isinstance(commit, models.ComAtprotoSyncSubscribeRepos.Commit):
        return

    if commit.seq % CURSOR_EVERY == 0:
        client.update_params(models.ComAtprotoSyncSubscribeRepos.Params(cursor=commit.seq))
        save_cursor(commit.seq)

    if not commit.blocks:
        return

    car = CAR.from_bytes(commit.blocks)
    for op in commit.ops:
        if op.action != "create" or not op.cid:
            continue
        uri = AtUri.from_str(f"at://{commit.repo}/{op.path}")
        if uri.collection != models.ids.AppBskyFeedPost:
            continue
        record = car.blocks.get(op.cid)
        if not record:
            continue

        for link in _links(record):
            domain = _domain(link)
            if domain not in TRACKED:
                continue
            preview = fetch_preview(link)
            record_link(
                post_uri=str(uri),
                author_did=commit.repo,
                url=link,
                domain=domain,
                title=preview.get("title"),
                created_at=record.get("createdAt"),
            )
            bump_domain(domain)
            log.info("link %s in %s", link, uri)


def main() -> None:
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))
    signal.signal(signal.SIGTERM, lambda *_: client.stop())
    log.info("watching %d domains from cursor %s", len(TRACKED), _cursor)
    client.start(on_message_handler)


if __name__ == "__main__":
    main()
