"""Turnaround metrics, written to the dev-productivity Postgres database."""
import os

from sqlalchemy import create_engine, text

METRICS_DB_URL = os.environ.get(
    "REVIEW_METRICS_DB_URL",
    "postgresql+psycopg2://rbmetrics@metrics-db.internal/review_metrics",
)

engine = create_engine(METRICS_DB_URL, pool_size=5, max_overflow=5, pool_pre_ping=True)


def record_revision(review_request_id, repository, submitter, revision, published_at):
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO rr_revisions "
                "(review_request_id, repository, submitter, revision, published_at) "
                "VALUES (:rr, :repo, :who, :rev, :at) "
                "ON CONFLICT (review_request_id, revision) DO NOTHING"
            ),
            {"rr": review_request_id, "repo": repository, "who": submitter,
             "rev": revision, "at": published_at},
        )


def record_review(review_request_id, reviewer, ship_it, comment_count, published_at):
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO rr_reviews "
                "(review_request_id, reviewer, ship_it, comments, published_at) "
                "VALUES (:rr, :who, :ship, :n, :at)"
            ),
            {"rr": review_request_id, "who": reviewer, "ship": ship_it,
             "n": comment_count, "at": published_at},
        )


def record_close(review_request_id, outcome, closed_at):
    with engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE rr_requests SET outcome = :outcome, closed_at = :at "
                "WHERE review_request_id = :rr"
            ),
            {"rr": review_request_id, "outcome": outcome, "at": closed_at},
        )
