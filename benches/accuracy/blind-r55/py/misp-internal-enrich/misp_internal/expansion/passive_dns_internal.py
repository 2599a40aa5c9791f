"""Passive DNS from the internal resolver logs (Elasticsearch pdns-* indices)."""
import os

from elasticsearch import Elasticsearch

from . import error, parse_query

misperrors = {"error": "Error"}
mispattributes = {
    "input": ["ip-src", "ip-dst", "domain", "hostname"],
    "output": ["domain", "ip-dst", "text"],
}
moduleinfo = {
    "version": "0.4",
    "author": "CSIRT tooling",
    "description": "Resolve indicators against internal passive DNS",
    "module-type": ["expansion", "hover"],
}
moduleconfig = ["max_results"]

ES_URL = os.environ.get("MISP_INTERNAL_ES_URL", "https://es-sec.internal:9200")
ES_API_KEY = os.environ.get("MISP_INTERNAL_ES_API_KEY", "")

es = Elasticsearch(ES_URL, api_key=ES_API_KEY, request_timeout=10, max_retries=2)


def _query_for(attr_type, value):
    if attr_type in ("ip-src", "ip-dst"):
        return {"term": {"answer.ip": value}}, "query.name"
    return {"term": {"query.name": value.lower().rstrip(".")}}, "answer.ip"


def handler(q=False):
    if q is False:
        return False
    try:
        request, attr_type, value = parse_query(q)
    except ValueError as exc:
        return error(str(exc))
    size = int(request.get("config", {}).get("max_results") or 50)

    query, field = _query_for(attr_type, value)
    resp = es.search(
        index="pdns-*",
        query=query,
        size=0,
        aggs={
            "counterpart": {
                "terms": {"field": field, "size": size},
                "aggs": {
                    "first": {"min": {"field": "@timestamp"}},
                    "last": {"max": {"field": "@timestamp"}},
                },
            }
        },
    )
    buckets = resp["aggregations"]["counterpart"]["buckets"]
    if not buckets:
        return {"results": [{"types": ["text"], "values": [f"No internal resolutions for {value}"]}]}

    values = [b["key"] for b in buckets]
    summary = [
        f"{b['key']} seen {b['doc_count']}x between {b['first']['value_as_string']} "
        f"and {b['last']['value_as_string']}"
        for b in buckets
    ]
    out_type = "domain" if field == "query.name" else "ip-dst"
    return {
        "results": [
            {"types": [out_type], "values": values},
            {"types": ["text"], "values": ["\n".join(summary)]},
        ]
    }


def introspection():
    return mispattributes


def version():
    moduleinfo["config"] = moduleconfig
    return moduleinfo
