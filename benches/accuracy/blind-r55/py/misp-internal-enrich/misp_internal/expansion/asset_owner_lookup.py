"""Asset owner from the CMDB REST API for internal IPs / hostnames."""
import ipaddress
import json
import os

import requests

from . import error, get_cache, parse_query

misperrors = {"error": "Error"}
mispattributes = {"input": ["ip-src", "ip-dst", "hostname"], "output": ["text"]}
moduleinfo = {
    "version": "0.2",
    "author": "CSIRT tooling",
    "description": "Show the owning team and contact for internal assets",
    "module-type": ["expansion", "hover"],
}
moduleconfig = ["cmdb_url", "cmdb_token"]

DEFAULT_CMDB_URL = os.environ.get("CMDB_URL", "https://cmdb.internal/api")
INTERNAL_NETS = [ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")]


def _is_internal(attr_type, value):
    if attr_type == "hostname":
        return value.endswith(".corp.internal")
    try:
        addr = ipaddress.ip_address(value)
    except ValueError:
        return False
    return any(addr in net for net in INTERNAL_NETS)


def handler(q=False):
    if q is False:
        return False
    try:
        request, attr_type, value = parse_query(q)
    except ValueError as exc:
        return error(str(exc))
    if not _is_internal(attr_type, value):
        return {"results": [{"types": ["text"], "values": [f"{value} is not an internal asset"]}]}

    config = request.get("config", {})
    cache_key = f"misp-owner:{value}"
    cached = get_cache().get(cache_key)
    if cached:
        owner = json.loads(cached)
    else:
        cmdb = requests.Session()
        cmdb.headers.update({
            "Authorization": f"Bearer {config.get('cmdb_token') or os.environ.get('CMDB_TOKEN', '')}",
            "Accept": "application/json",
        })
        resp = cmdb.get(
            f"{config.get('cmdb_url') or DEFAULT_CMDB_URL}/assets/lookup",
            params={"q": value},
            timeout=10,
        )
        if resp.status_code == 404:
            return {"results": [{"types": ["text"], "values": [f"No CMDB record for {value}"]}]}
        resp.raise_for_status()
        owner = resp.json()
        get_cache().setex(cache_key, 3600, json.dumps(owner))

    text = (
        f"Owner: {owner.get('team', 'unknown')}\n"
        f"Contact: {owner.get('contact', '-')}\n"
        f"Environment: {owner.get('environment', '-')}"
    )
    return {"results": [{"types": ["text"], "values": [text]}]}


def introspection():
    return mispattributes


def version():
    moduleinfo["config"] = moduleconfig
    return moduleinfo
