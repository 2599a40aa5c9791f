"""libvirt event callbacks: called once per domain lifecycle / reboot event."""
import datetime as dt
import logging
import os

import libvirt
import requests

from meter.sinks import client_for

log = logging.getLogger("meter.events")

BILLING_HOOK = os.environ.get("BILLING_HOOK", "https://billing.internal/hooks/vm-state")
HOST = os.uname().nodename

# one HTTP connection pool for the billing hook, shared by all callbacks
billing = requests.Session()
billing.headers["X-Meter-Host"] = HOST

STATES = {
    libvirt.VIR_DOMAIN_EVENT_STARTED: "started",
    libvirt.VIR_DOMAIN_EVENT_SUSPENDED: "suspended",
    libvirt.VIR_DOMAIN_EVENT_RESUMED: "resumed",
    libvirt.VIR_DOMAIN_EVENT_STOPPED: "stopped",
    libvirt.VIR_DOMAIN_EVENT_SHUTDOWN: "shutdown",
    libvirt.VIR_DOMAIN_EVENT_CRASHED: "crashed",
}
COLUMNS = ["ts", "host", "vm_uuid", "vm_name", "state", "vcpus", "memory_mib"]


def tenant_of(dom):
    # VMs are named <tenant>-<purpose><n>, e.g. acme-web01
    return dom.name().split("-", 1)[0]


def _write(dom, state):
    tenant = tenant_of(dom)
    ch = client_for(tenant)
    if ch is None:
        log.debug("ignoring unmetered VM %s", dom.name())
        return
    _, max_mem_kib, _, vcpus, _ = dom.info()
    row = [dt.datetime.now(dt.timezone.utc), HOST, dom.UUIDString(), dom.name(), state, vcpus, max_mem_kib // 1024]
    ch.insert("vm_state_changes", [row], column_names=COLUMNS)
    if state in ("started", "stopped", "crashed"):
        billing.post(BILLING_HOOK, json={"tenant": tenant, "vm": dom.UUIDString(), "state": state}, timeout=5)


def on_lifecycle(conn, dom, event, detail, opaque):
    state = STATES.get(event)
    if state is None:
        return
    try:
        _write(dom, state)
    except Exception:
        log.exception("failed to meter %s -> %s", dom.name(), state)


def on_reboot(conn, dom, opaque):
    try:
        _write(dom, "rebooted")
    except Exception:
        log.exception("failed to meter reboot of %s", dom.name())
