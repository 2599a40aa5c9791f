"""Review Board extension entry point (see setup.py entry_points)."""
import logging

import requests
from django.utils import timezone
from reviewboard.extensions.base import Extension
from reviewboard.extensions.hooks import SignalHook
from reviewboard.reviews.models import ReviewRequest
from reviewboard.reviews.signals import (
    review_published,
    review_request_closed,
    review_request_published,
)

from review_metrics import audit, metrics_db

logger = logging.getLogger(__name__)


class ReviewMetricsExtension(Extension):
    metadata = {
        "Name": "Review Metrics",
        "Summary": "Records review turnaround and announces Ship Its in team chat.",
    }

    default_settings = {
        "chat_webhook_url": "",
        "announce_ship_it": True,
    }

    def initialize(self):
        SignalHook(self, review_request_published, self._on_request_published)
        SignalHook(self, review_published, self._on_review_published)
        SignalHook(self, review_request_closed, self._on_request_closed)

    def _on_request_published(self, user, review_request, trivial=False,
                              changedesc=None, **kwargs):
        repo = review_request.repository
        metrics_db.record_revision(
            review_request.pk,
            repo.name if repo else None,
            user.username,
            review_request.get_latest_diffset().revision
            if review_request.get_latest_diffset() else 0,
            timezone.now(),
        )
        audit.log_event("published", review_request.pk, user.username, trivial=trivial)

    def _on_review_published(self, user, review, to_owner_only=False, **kwargs):
        review_request = review.review_request
        metrics_db.record_review(
            review_request.pk,
            user.username,
            review.ship_it,
            review.get_all_comments().count(),
            review.timestamp,
        )
        audit.log_event("review", review_request.pk, user.username, ship_it=review.ship_it)
        if review.ship_it and not to_owner_only and self.settings.get("announce_ship_it"):
            self._announce(
                "\u2705 %s gave a Ship It! to r/%d: %s"
                % (user.get_full_name() or user.username,
                   review_request.display_id, review_request.summary)
            )

    def _on_request_closed(self, user, review_request, close_type, **kwargs):
        outcome = {
            ReviewRequest.SUBMITTED: "submitted",
            ReviewRequest.DISCARDED: "discarded",
        }.get(close_type, "other")
        metrics_db.record_close(review_request.pk, outcome, timezone.now())
        audit.log_event("closed", review_request.pk, user.username, outcome=outcome)

    def _announce(self, text):
        url = self.settings.get("chat_webhook_url")
        if not url:
            return
        http = requests.Session()
        http.headers["Content-Type"] = "application/json"
        try:
            http.post(url, json={"text": text}, timeout=5).raise_for_status()
        except requests.RequestException:
            logger.warning("ship-it announcement failed", exc_info=True)
