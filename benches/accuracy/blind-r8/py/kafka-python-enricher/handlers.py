import os
from datetime import datetime

import clickhouse_connect
from neo4j import GraphDatabase

from db import pool
from repo.events import insert_event


class EventHandler:
    """Enriches one account event and fans it out to ClickHouse and Neo4j."""

    def __init__(self) -> None:
        self.neo4j_uri = os.environ["NEO4J_URI"]
        self.neo4j_auth = (os.environ["NEO4J_USER"], os.environ["NEO4J_PASSWORD"])

    def handle(self, event: dict) -> None:
        insert_event(event)
        account = self._load_account(event["account_id"])
        if account is None:
            return
        ch = clickhouse_connect.get_client(
            host=os.environ["CLICKHOUSE_HOST"],
            username=os.environ.get("CLICKHOUSE_USER", "default"),
            password=os.environ.get("CLICKHOUSE_PASSWORD", ""),
        )
        ch.insert(
            "events_enriched",
            [[event["id"], event["kind"], account["plan"], account["region"], datetime.fromisoformat(event["ts"])]],
            column_names=["id", "kind", "plan", "region", "ts"],
        )
        if event["kind"] == "referral":
            self._record_referral(event["account_id"], event["referrer_id"])

    def _load_account(self, account_id: str) -> dict | None:
        conn = pool.getconn()
        cur = conn.execute("SELECT plan, region FROM accounts WHERE id = %s", (account_id,))
        row = cur.fetchone()
        pool.putconn(conn)
        if row is None:
            return None
        return {"plan": row[0], "region": row[1]}

    def _record_referral(self, account_id: str, referrer_id: str) -> None:
        driver = GraphDatabase.driver(self.neo4j_uri, auth=self.neo4j_auth)
        with driver.session() as session:
            session.run(
                "MERGE (a:Account {id: $a}) MERGE (r:Account {id: $r}) MERGE (r)-[:REFERRED]->(a)",
                a=account_id,
                r=referrer_id,
            )
        driver.close()
