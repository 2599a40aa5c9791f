"""Pecan app factory (called once per process by pecan / gunicorn_pecan)
plus the unit-of-work hook that gives each request its own ORM session."""
import logging

from pecan import make_app
from pecan.hooks import PecanHook
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from billing import cache

log = logging.getLogger(__name__)


class DBSessionHook(PecanHook):
    priority = 50

    def __init__(self, session_factory):
        self.session_factory = session_factory

    def before(self, state):
        state.request.db = self.session_factory()

    def on_error(self, state, exc):
        db = getattr(state.request, "db", None)
        if db is not None:
            log.info("rolling back after %s", type(exc).__name__)
            db.rollback()

    def after(self, state):
        # Pecan runs "after" hooks in a finally block, so this also runs when
        # the controller raised.
        db = getattr(state.request, "db", None)
        if db is None:
            return
        try:
            if state.response.status_int < 400:
                db.commit()
            else:
                db.rollback()
        finally:
            db.close()
            state.request.db = None


def setup_app(config):
    engine = create_engine(
        config.sqlalchemy.url,
        pool_size=config.sqlalchemy.pool_size,
        max_overflow=config.sqlalchemy.max_overflow,
        pool_pre_ping=True,
    )
    session_factory = sessionmaker(bind=engine, expire_on_commit=False)
    cache.configure(config.redis.url)

    app_conf = dict(config.app)
    return make_app(
        app_conf.pop("root"),
        logging=getattr(config, "logging", {}),
        hooks=[DBSessionHook(session_factory)],
        **app_conf,
    )
