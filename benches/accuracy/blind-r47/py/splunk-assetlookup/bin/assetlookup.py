#!/usr/bin/env python
"""Enrich events with asset owner / criticality from the CMDB.

    index=firewall action=blocked | assetlookup field=src_ip prefix=src_
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import MySQLdb  # noqa: E402
import MySQLdb.cursors  # noqa: E402
from splunklib.searchcommands import (  # noqa: E402
    Configuration,
    Option,
    StreamingCommand,
    dispatch,
    validators,
)

from assetcache import cached_owner, remember_owner  # noqa: E402

CMDB_HOST = os.environ.get("CMDB_HOST", "cmdb-db.secops.internal")
CMDB_USER = os.environ.get("CMDB_USER", "splunk_ro")
CMDB_PASSWORD = os.environ.get("CMDB_PASSWORD", "")
CMDB_NAME = os.environ.get("CMDB_NAME", "cmdb")

LOOKUP_SQL = (
    "SELECT owner, criticality, business_unit FROM assets "
    "WHERE ip_address = %s AND decommissioned_at IS NULL"
)


@Configuration()
class AssetLookupCommand(StreamingCommand):
    field = Option(require=True, validate=validators.Fieldname())
    prefix = Option(require=False, default="asset_")

    def stream(self, records):
        # Splunk (chunked protocol v2) invokes stream() once for every chunk of
        # events it pipes through the command.
        db = MySQLdb.connect(
            host=CMDB_HOST,
            user=CMDB_USER,
            passwd=CMDB_PASSWORD,
            db=CMDB_NAME,
            connect_timeout=5,
            cursorclass=MySQLdb.cursors.DictCursor,
        )
        try:
            cur = db.cursor()
            for record in records:
                ip = record.get(self.field)
                if not ip:
                    yield record
                    continue

                owner = cached_owner(ip)
                if owner is None:
                    cur.execute(LOOKUP_SQL, (ip,))
                    row = cur.fetchone()
                    if row:
                        owner = row["owner"]
                        record[self.prefix + "criticality"] = row["criticality"]
                        record[self.prefix + "bu"] = row["business_unit"]
                        remember_owner(ip, owner)

                record[self.prefix + "owner"] = owner or "unknown"
                yield record
        finally:
            db.close()


dispatch(AssetLookupCommand, sys.argv, sys.stdin, sys.stdout, __name__)
