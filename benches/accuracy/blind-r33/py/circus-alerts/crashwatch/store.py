import aerospike


def record_exit(host, namespace, watcher, event):
    client = aerospike.client({"hosts": [(host, 3000)], "policies": {"timeout": 1000}}).connect()
    try:
        key = (namespace, "exits", f"{watcher}:{event['pid']}:{event['ts']}")
        client.put(key, {"watcher": watcher, **event}, meta={"ttl": 7 * 24 * 3600})
        client.increment((namespace, "exit_counts", watcher), "n", 1)
    finally:
        client.close()
