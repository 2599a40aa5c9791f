"""PasteDeploy application factory.

loadapp() (run by gunicorn --paste once per worker process) calls app_factory
exactly once; everything built here lives for the lifetime of the worker.
"""
import logging

import requests
from requests.adapters import HTTPAdapter
from sqlalchemy import engine_from_config
from sqlalchemy.orm import sessionmaker
from urllib3.util.retry import Retry

from inventory_api.views import InventoryApp

log = logging.getLogger(__name__)


def make_pricing_session(settings):
    """HTTP session for the pricing service with a small keep-alive pool."""
    session = requests.Session()
    retry = Retry(total=2, backoff_factor=0.2, status_forcelist=(502, 503, 504), allowed_methods=("GET",))
    adapter = HTTPAdapter(pool_connections=1, pool_maxsize=8, max_retries=retry)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = "inventory-api/2.3"
    return session


def app_factory(global_config, **settings):
    engine = engine_from_config(settings, prefix="sqlalchemy.")
    session_factory = sessionmaker(bind=engine, expire_on_commit=False)
    pricing = make_pricing_session(settings)
    log.info("inventory app built (db=%s, pricing=%s)", engine.url.host, settings["pricing.url"])
    return InventoryApp(
        session_factory=session_factory,
        pricing=pricing,
        pricing_url=settings["pricing.url"].rstrip("/"),
        pricing_timeout=float(settings.get("pricing.timeout", "2.5")),
    )
