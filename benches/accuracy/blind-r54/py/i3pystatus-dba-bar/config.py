"""i3bar status line for the DBA on-call laptop.

Started from ~/.config/i3/config with:  status_command python ~/bar/config.py
"""
import os

from i3pystatus import Status

from oncall import DeployState, OpenIncidents
from pgstatus import LongQueries, ReplicationLag

status = Status(standalone=True)

status.register("clock", format="%a %-d %b %H:%M")

status.register(
    ReplicationLag,
    dsn=os.environ.get("REPLICA_DSN", "host=pg-replica-1 dbname=app user=monitor"),
    warn_after=20,
)

status.register(
    LongQueries,
    dsn=os.environ.get("PRIMARY_DSN", "host=pg-primary dbname=app user=monitor"),
    threshold=3,
)

status.register(
    OpenIncidents,
    token=os.environ.get("PD_TOKEN", ""),
    service_ids=os.environ.get("PD_SERVICES", "PXXXXXX").split(","),
)

status.register(DeployState, url="https://ci.internal/api/pipelines/main/status")

status.register("load", format="{avg1}")

status.run()
