"""Shared clients.

`panel serve app.py` re-executes app.py for every browser session, but modules it
imports are loaded once per server process, so the pool and HTTP session live here.
"""
import os

import requests
from sqlalchemy import create_engine

engine = create_engine(
    os.environ["WAREHOUSE_URL"],
    pool_size=5,
    max_overflow=5,
    pool_pre_ping=True,
)

status_http = requests.Session()
status_http.headers["Accept"] = "application/json"
