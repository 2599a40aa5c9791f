"""Internal sightings: how often an indicator hit our proxy / firewall logs."""
import os

from elasticsearch import Elasticsearch

from . import error, get_cache, parse_query

misperrors = {"error": "Error"}
mispattributes = {"input": ["ip-src", "ip-dst", "domain", "hostname"], "output": ["text"]}
moduleinfo = {
    "version": "0.3",
    "author": "CSIRT tooling",
    "description": "Count internal sightings of an indicator over the last 30 days",
    "module-type": ["hover"],
}
moduleconfig = ["days"]

ES = Elasticsearch(
    hosts=[os.environ.get("MISP_INTERNAL_ES_URL", "https://es-sec.internal:9200")],
    api_key=os.environ.get("MISP_INTERNAL_ES_API_KEY", ""),
    request_timeout=10,
)

FIELDS = {
    "ip-src": ["source.ip", "destination.ip"],
    "ip-dst": ["source.ip", "destination.ip"],
    "domain": ["url.domain", "dns.question.name"],
    "hostname": ["url.domain", "dns.question.name"],
}


def handler(q=False):
    if q is False:
        return False
    try:
        request, attr_type, value = parse_query(q)
    except ValueError as exc:
        return error(str(exc))
    days = int(request.get("config", {}).get("days") or 30)

    cache_key = f"misp-sightings:{attr_type}:{value}:{days}"
    cached = get_cache().get(cache_key)
    if cached is not None:
        return {"results": [{"types": ["text"], "values": [cached]}]}

    resp = ES.count(
        index="logs-proxy-*,logs-firewall-*",
        query={
            "bool": {
                "filter": [{"range": {"@timestamp": {"gte": f"now-{days}d"}}}],
                "should": [{"term": {f: value}} for f in FIELDS[attr_type]],
                "minimum_should_match": 1,
            }
        },
    )
    text = f"{resp['count']} internal sightings of {value} in the last {days} days"
    get_cache().setex(cache_key, 600, text)
    return {"results": [{"types": ["text"], "values": [text]}]}


def introspection():
    return mispattributes


def version():
    moduleinfo["config"] = moduleconfig
    return moduleinfo
