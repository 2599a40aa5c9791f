import socket

import requests
from pymongo import MongoClient


def get_mongo(uri):
    return MongoClient(uri, serverSelectionTimeoutMS=2000, appname="collectd-pgstats")


def post_alert(url, payload):
    http = requests.Session()
    http.headers.update({"User-Agent": f"collectd-pgstats/{socket.gethostname()}"})
    resp = http.post(url, json=payload, timeout=5)
    resp.raise_for_status()
