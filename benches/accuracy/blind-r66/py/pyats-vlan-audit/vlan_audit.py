"""aetest script: compare the VLANs configured on every switch with the
expected set in the network inventory DB, and record the result.

The inventory connection and the NetBox session are opened once in
CommonSetup, passed to every loop iteration as script parameters, and closed
in CommonCleanup.
"""
import logging
import os

import psycopg
import requests
from pyats import aetest

log = logging.getLogger(__name__)

NETBOX_URL = os.environ.get("NETBOX_URL", "https://netbox.campus.example")


class CommonSetup(aetest.CommonSetup):
    @aetest.subsection
    def connect_devices(self, testbed):
        for device in testbed.devices.values():
            try:
                device.connect(log_stdout=False, learn_hostname=True)
            except Exception as exc:  # unreachable switch: audited as skipped
                log.warning("cannot reach %s: %s", device.name, exc)

    @aetest.subsection
    def open_inventory(self):
        self.parent.parameters["inventory"] = psycopg.connect(os.environ["INVENTORY_DSN"])
        netbox = requests.Session()
        netbox.headers["Authorization"] = "Token " + os.environ["NETBOX_TOKEN"]
        netbox.headers["Accept"] = "application/json"
        self.parent.parameters["netbox"] = netbox

    @aetest.subsection
    def mark_loops(self, testbed):
        names = [d.name for d in testbed.devices.values() if d.connected]
        aetest.loop.mark(VlanCompliance, device=names)


class VlanCompliance(aetest.Testcase):
    @aetest.setup
    def collect(self, testbed, device):
        parsed = testbed.devices[device].parse("show vlan")
        self.actual = {int(v) for v in parsed.get("vlans", {})}

    @aetest.test
    def compare_with_inventory(self, device, inventory, netbox):
        with inventory.cursor() as cur:
            cur.execute("SELECT vlan_id FROM expected_vlans WHERE device = %s", (device,))
            expected = {row[0] for row in cur.fetchall()}
        missing = sorted(expected - self.actual)
        extra = sorted(self.actual - expected - {1, 1002, 1003, 1004, 1005})

        with inventory.cursor() as cur:
            cur.execute(
                "INSERT INTO vlan_audit (device, missing, extra, audited_at) VALUES (%s, %s, %s, now())",
                (device, missing, extra),
            )
        inventory.commit()

        if missing or extra:
            netbox.post(
                NETBOX_URL + "/api/extras/journal-entries/",
                json={
                    "assigned_object_type": "dcim.device",
                    "assigned_object_id": self._netbox_id(netbox, device),
                    "kind": "warning",
                    "comments": "VLAN drift: missing %s, extra %s" % (missing, extra),
                },
                timeout=10,
            )
            self.failed("VLAN drift on %s: missing %s, extra %s" % (device, missing, extra))
        self.passed("%s matches inventory" % device)

    @staticmethod
    def _netbox_id(netbox, name):
        resp = netbox.get(NETBOX_URL + "/api/dcim/devices/", params={"name": name}, timeout=10)
        resp.raise_for_status()
        return resp.json()["results"][0]["id"]


class CommonCleanup(aetest.CommonCleanup):
    @aetest.subsection
    def close_everything(self, testbed, inventory, netbox):
        inventory.close()
        netbox.close()
        for device in testbed.devices.values():
            if device.connected:
                device.disconnect()


if __name__ == "__main__":
    import argparse

    from genie.testbed import load

    parser = argparse.ArgumentParser()
    parser.add_argument("--testbed", required=True)
    args, _ = parser.parse_known_args()
    aetest.main(testbed=load(args.testbed))
