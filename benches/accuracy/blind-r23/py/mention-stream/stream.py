"""Filtered-stream consumer for brand mentions (Twitter/X API v2)."""
import logging
import os

import tweepy

import alerts
import archive
import db

log = logging.getLogger("mention-stream")

RULES = [
    tweepy.StreamRule("acme OR #acmecloud -is:retweet lang:en", tag="brand"),
    tweepy.StreamRule("\"acme cloud\" (outage OR down)", tag="incident"),
]


class MentionStream(tweepy.StreamingClient):
    def on_connect(self):
        log.info("connected to filtered stream")

    def on_response(self, response):
        tweet = response.data
        rule_tags = [rule.tag for rule in response.matching_rules or []]
        try:
            db.save_mention(tweet, rule_tags)
            db.bump_author(tweet.author_id)
            archive.archive_raw(tweet)
            if "incident" in rule_tags or alerts.is_alert_worthy(tweet.text):
                alerts.maybe_alert(tweet)
        except Exception:
            log.exception("failed to process tweet %s", tweet.id)

    def on_errors(self, errors):
        log.warning("stream errors: %s", errors)

    def on_connection_error(self):
        log.warning("connection error, tweepy will reconnect")


def sync_rules(stream):
    existing = stream.get_rules().data or []
    if existing:
        stream.delete_rules([rule.id for rule in existing])
    stream.add_rules(RULES)


def main():
    logging.basicConfig(level=logging.INFO)
    db.ensure_indexes()
    stream = MentionStream(os.environ["TWITTER_BEARER_TOKEN"], wait_on_rate_limit=True)
    sync_rules(stream)
    stream.filter(
        tweet_fields=["created_at", "author_id", "lang", "entities"],
        expansions=["author_id"],
    )


if __name__ == "__main__":
    main()
