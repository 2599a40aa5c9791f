import os

from elasticsearch import Elasticsearch
from slack_sdk.web import WebClient

from db import pool

ES_URL = os.environ.get("ES_URL", "https://logs.internal:9200")
ES_API_KEY = os.environ.get("ES_API_KEY")


def recent_errors(client: WebClient, channel_id: str, service: str) -> None:
    es = Elasticsearch(ES_URL, api_key=ES_API_KEY, request_timeout=15)
    res = es.search(
        index="logs-*",
        size=5,
        query={"bool": {"filter": [{"term": {"service": service}}, {"term": {"level": "error"}}]}},
        sort=[{"@timestamp": "desc"}],
    )
    lines = [f"• {h['_source']['@timestamp']} {h['_source']['message'][:120]}" for h in res["hits"]["hits"]]
    client.chat_postMessage(channel=channel_id, text="\n".join(lines) or f"No recent errors for {service}")


def who_is_oncall(client: WebClient, channel_id: str, team: str) -> None:
    conn = pool.getconn()
    row = conn.execute(
        "SELECT slack_user_id FROM oncall WHERE team = %s AND now() BETWEEN starts_at AND ends_at",
        (team,),
    ).fetchone()
    if row is None:
        client.chat_postMessage(channel=channel_id, text=f"Nobody is on call for {team}")
        return
    client.chat_postMessage(channel=channel_id, text=f"<@{row[0]}> is on call for {team}")
    pool.putconn(conn)


def ack_incident(client: WebClient, channel_id: str, user_id: str, incident_id: str) -> None:
    with pool.connection() as conn:
        conn.execute(
            "UPDATE incidents SET acked_by = %s, acked_at = now() WHERE id = %s",
            (user_id, incident_id),
        )
    client.chat_postMessage(channel=channel_id, text=f"<@{user_id}> acknowledged incident {incident_id}")
