"""Watches cluster-wide Warning events, stores them and pages on crash loops."""
import logging
import os
import signal
import threading

import requests
from kubernetes import client, config, watch
from kubernetes.client.exceptions import ApiException

import store

log = logging.getLogger("event-recorder")

PAGE_REASONS = {"BackOff", "FailedScheduling", "OOMKilling", "FailedMount"}


class Recorder:
    def __init__(self, engine, http, pager_url):
        self.engine = engine
        self.http = http
        self.pager_url = pager_url
        self.resource_version = None
        self._watch = watch.Watch()
        self._stopping = threading.Event()

    def handle(self, event_type, ev):
        if event_type == "DELETED":
            return
        store.save_event(self.engine, ev)
        if ev.reason in PAGE_REASONS and (ev.count or 1) >= 5 and self.pager_url:
            self.http.post(
                self.pager_url,
                json={
                    "summary": f"{ev.reason} on {ev.involved_object.kind}/{ev.involved_object.name}",
                    "namespace": ev.metadata.namespace,
                    "detail": ev.message,
                },
                timeout=5,
            )

    def run(self, core):
        while not self._stopping.is_set():
            try:
                for item in self._watch.stream(
                    core.list_event_for_all_namespaces,
                    field_selector="type=Warning",
                    resource_version=self.resource_version,
                    timeout_seconds=300,
                ):
                    ev = item["object"]
                    self.resource_version = ev.metadata.resource_version
                    try:
                        self.handle(item["type"], ev)
                    except Exception:
                        log.exception("failed to record event %s", ev.metadata.uid)
            except ApiException as exc:
                if exc.status == 410:
                    log.info("resource version expired, relisting")
                    self.resource_version = None
                else:
                    raise

    def stop(self):
        self._stopping.set()
        self._watch.stop()


def main():
    logging.basicConfig(level=logging.INFO)
    if os.environ.get("KUBERNETES_SERVICE_HOST"):
        config.load_incluster_config()
    else:
        config.load_kube_config()
    core = client.CoreV1Api()

    engine = store.connect_with_retry(os.environ["DATABASE_URL"])
    http = requests.Session()
    http.headers["Authorization"] = f"Token {os.environ.get('PAGER_TOKEN', '')}"

    recorder = Recorder(engine, http, os.environ.get("PAGER_URL"))
    signal.signal(signal.SIGTERM, lambda signum, frame: recorder.stop())
    try:
        recorder.run(core)
    finally:
        http.close()
        engine.dispose()


if __name__ == "__main__":
    main()
