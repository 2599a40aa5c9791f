"""Holder for the clients the ClientsHook builds for one `kedro run`.

Nodes call engine()/s3() instead of building their own clients.
"""
from typing import Optional

from sqlalchemy.engine import Engine

_engine: Optional[Engine] = None
_s3 = None


def register(engine: Engine, s3) -> None:
    global _engine, _s3
    _engine = engine
    _s3 = s3


def engine() -> Engine:
    if _engine is None:
        raise RuntimeError("ClientsHook has not run; start the pipeline with `kedro run`")
    return _engine


def s3():
    if _s3 is None:
        raise RuntimeError("ClientsHook has not run; start the pipeline with `kedro run`")
    return _s3


def clear() -> None:
    global _engine, _s3
    _engine = None
    _s3 = None
