import os

import psycopg2.pool
import requests
from elasticsearch import Elasticsearch, helpers
from multicorn import ForeignDataWrapper
from multicorn.utils import ERROR, WARNING, log_to_postgres

_AUDIT_DSN = os.environ.get("ES_FDW_AUDIT_DSN", "dbname=support_audit user=fdw host=127.0.0.1")
_API_KEY = os.environ.get("ES_FDW_API_KEY", "")

# one small pool per backend that imports the wrapper
_audit_pool = psycopg2.pool.SimpleConnectionPool(1, 2, _AUDIT_DSN)

_RANGE_OPS = {">": "gt", ">=": "gte", "<": "lt", "<=": "lte"}


class TicketsFdw(ForeignDataWrapper):
    """Read/write access to support tickets stored in Elasticsearch."""

    def __init__(self, options, columns):
        super().__init__(options, columns)
        self.index = options["index"]
        self.write_index = options.get("write_index", self.index.rstrip("*-"))
        self.hosts = [h.strip() for h in options.get("hosts", "http://localhost:9200").split(",")]
        self.columns = columns
        self._http = requests.Session()
        self._http.headers["Authorization"] = f"ApiKey {_API_KEY}"
        self._http.headers["Content-Type"] = "application/json"

    @property
    def rowid_column(self):
        return "id"

    def _to_query(self, quals):
        must = []
        for qual in quals:
            if qual.field_name == "id" and qual.operator == "=":
                must.append({"ids": {"values": [qual.value]}})
            elif qual.operator == "=":
                must.append({"term": {qual.field_name: qual.value}})
            elif qual.operator == "~~":
                must.append({"wildcard": {qual.field_name: qual.value.replace("%", "*")}})
            elif qual.operator in _RANGE_OPS:
                must.append({"range": {qual.field_name: {_RANGE_OPS[qual.operator]: qual.value}}})
        return {"bool": {"must": must}} if must else {"match_all": {}}

    def get_rel_size(self, quals, columns):
        try:
            resp = self._http.post(
                f"{self.hosts[0]}/{self.index}/_count",
                json={"query": self._to_query(quals)},
                timeout=5,
            )
            rows = resp.json().get("count", 1000)
        except requests.RequestException:
            rows = 1000
        return (rows, 60 * len(columns))

    def execute(self, quals, columns, sortkeys=None):
        es = Elasticsearch(self.hosts, api_key=_API_KEY, request_timeout=30)
        source = [c for c in columns if c != "id"]
        for hit in helpers.scan(
            es,
            index=self.index,
            query={"query": self._to_query(quals)},
            _source=source,
            size=500,
        ):
            row = dict(hit["_source"])
            row["id"] = hit["_id"]
            yield row

    def insert(self, values):
        conn = _audit_pool.getconn()
        cur = conn.cursor()
        if not values.get("subject"):
            log_to_postgres("tickets: row without subject ignored", WARNING)
            return values

        doc = {k: v for k, v in values.items() if k != "id" and v is not None}
        resp = self._http.post(
            f"{self.hosts[0]}/{self.write_index}/_doc?refresh=wait_for",
            json=doc,
            timeout=10,
        )
        if resp.status_code >= 300:
            log_to_postgres(f"tickets: insert failed: {resp.text}", ERROR)
        values["id"] = resp.json()["_id"]

        cur.execute(
            "INSERT INTO fdw_audit (action, ticket_id, at) VALUES ('insert', %s, now())",
            (values["id"],),
        )
        conn.commit()
        cur.close()
        _audit_pool.putconn(conn)
        return values

    def update(self, oldvalues, newvalues):
        ticket_id = oldvalues["id"]
        doc = {k: v for k, v in newvalues.items() if k != "id"}
        resp = self._http.post(
            f"{self.hosts[0]}/{self.write_index}/_update/{ticket_id}?refresh=wait_for",
            json={"doc": doc},
            timeout=10,
        )
        if resp.status_code >= 300:
            log_to_postgres(f"tickets: update of {ticket_id} failed: {resp.text}", ERROR)

        conn = _audit_pool.getconn()
        try:
            with conn.cursor() as cur:
                cur.execute(
                    "INSERT INTO fdw_audit (action, ticket_id, at) VALUES ('update', %s, now())",
                    (ticket_id,),
                )
            conn.commit()
        finally:
            _audit_pool.putconn(conn)
        return newvalues

    def delete(self, oldvalues):
        ticket_id = oldvalues["id"]
        self._http.delete(f"{self.hosts[0]}/{self.write_index}/_doc/{ticket_id}", timeout=10)
