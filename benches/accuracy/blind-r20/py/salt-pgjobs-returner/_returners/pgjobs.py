"""Salt returner / master job cache backed by Postgres, with large returns archived to S3."""
import json
import logging
import threading
from contextlib import contextmanager

import salt.utils.jid

try:
    import boto3
    import psycopg2
    from psycopg2.pool import ThreadedConnectionPool

    HAS_DEPS = True
except ImportError:
    HAS_DEPS = False

log = logging.getLogger(__name__)

__virtualname__ = "pgjobs"

_POOL = None
_POOL_LOCK = threading.Lock()
_S3_BY_REGION = {}

LARGE_RETURN_BYTES = 256 * 1024


def __virtual__():
    if not HAS_DEPS:
        return False, "pgjobs returner needs psycopg2 and boto3"
    return __virtualname__


def _get_pool():
    global _POOL
    if _POOL is None:
        with _POOL_LOCK:
            if _POOL is None:
                _POOL = ThreadedConnectionPool(
                    1, int(__opts__.get("pgjobs.pool_max", 6)), dsn=__opts__["pgjobs.dsn"]
                )
    return _POOL


def _s3_for(region):
    client = _S3_BY_REGION.get(region)
    if client is None:
        client = _S3_BY_REGION.setdefault(region, boto3.client("s3", region_name=region))
    return client


@contextmanager
def _cursor(commit=False):
    pool = _get_pool()
    conn = pool.getconn()
    try:
        with conn.cursor() as cur:
            yield cur
        if commit:
            conn.commit()
    except Exception:
        conn.rollback()
        raise
    finally:
        pool.putconn(conn)


def _archive(region, jid, minion, payload):
    bucket = __opts__["pgjobs.archive_bucket_by_region"][region]
    key = f"{jid}/{minion}.json"
    _s3_for(region).put_object(Bucket=bucket, Key=key, Body=payload.encode())
    return f"s3://{bucket}/{key}"


def returner(ret):
    payload = json.dumps(ret.get("return"))
    region = ret.get("grains", {}).get("region") or "eu-west-1"
    archived = None
    if len(payload) > LARGE_RETURN_BYTES:
        archived = _archive(region, ret["jid"], ret["id"], payload)
        payload = None
    with _cursor(commit=True) as cur:
        cur.execute(
            "INSERT INTO salt_returns (fun, jid, minion, success, ret, archived_at) "
            "VALUES (%s, %s, %s, %s, %s, %s)",
            (ret["fun"], ret["jid"], ret["id"], ret.get("success", False), payload, archived),
        )


def save_load(jid, load, minions=None):
    with _cursor(commit=True) as cur:
        cur.execute(
            "INSERT INTO salt_jobs (jid, load) VALUES (%s, %s) ON CONFLICT (jid) DO NOTHING",
            (jid, json.dumps(load)),
        )


def save_minions(jid, minions, syndic_id=None):  # pylint: disable=unused-argument
    return


def get_load(jid):
    with _cursor() as cur:
        cur.execute("SELECT load FROM salt_jobs WHERE jid = %s", (jid,))
        row = cur.fetchone()
    return json.loads(row[0]) if row else {}


def get_jid(jid):
    with _cursor() as cur:
        cur.execute("SELECT minion, ret FROM salt_returns WHERE jid = %s", (jid,))
        return {minion: {"return": json.loads(r) if r else None} for minion, r in cur.fetchall()}


def event_return(events):
    with _cursor(commit=True) as cur:
        for event in events:
            cur.execute(
                "INSERT INTO salt_events (tag, data, master_id) VALUES (%s, %s, %s)",
                (event["tag"], json.dumps(event["data"]), __opts__["id"]),
            )


def prep_jid(nocache=False, passed_jid=None):  # pylint: disable=unused-argument
    return passed_jid if passed_jid is not None else salt.utils.jid.gen_jid(__opts__)
