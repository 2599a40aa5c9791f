from django.conf import settings
from nautobot.apps.jobs import BooleanVar, Job, JobHookReceiver, ObjectVar, register_jobs
from nautobot.dcim.models import Device, Location

from .clients import cmdb, servicenow

name = "CMDB Sync"


def _device_doc(device):
    return {
        "_key": str(device.pk),
        "name": device.name,
        "serial": device.serial,
        "role": device.role.name if device.role else None,
        "platform": device.platform.name if device.platform else None,
        "location": device.location.name if device.location else None,
        "status": device.status.name,
    }


class FullCmdbSync(Job):
    location = ObjectVar(model=Location, required=False, description="Only sync this location")
    dry_run = BooleanVar(default=True)

    class Meta:
        name = "Full CMDB sync"
        description = "Push every device (or one location) to ArangoDB"
        has_sensitive_variables = False

    def run(self, location=None, dry_run=True):
        devices = Device.objects.select_related("role", "platform", "location", "status")
        if location is not None:
            devices = devices.filter(location=location)
        collection = cmdb().collection("devices")
        count = 0
        for device in devices.iterator():
            if not dry_run:
                collection.insert(_device_doc(device), overwrite=True)
            count += 1
        self.logger.info("%s %d devices", "Would sync" if dry_run else "Synced", count)


class DeviceChangeHook(JobHookReceiver):
    class Meta:
        name = "Device change -> CMDB"
        description = "Job hook: mirror individual device changes"

    def receive_job_hook(self, change, action, changed_object):
        collection = cmdb().collection("devices")
        if action == "delete":
            collection.delete(str(change.changed_object_id), ignore_missing=True)
            return
        collection.insert(_device_doc(changed_object), overwrite=True)

        sn_url = settings.PLUGINS_CONFIG["nautobot_cmdb_sync"]["servicenow_url"]
        resp = servicenow().post(
            f"{sn_url}/api/now/table/cmdb_ci_netgear",
            json={"name": changed_object.name, "serial_number": changed_object.serial},
            timeout=15,
        )
        if not resp.ok:
            self.logger.warning("ServiceNow rejected %s: %s", changed_object.name, resp.text[:200])


register_jobs(FullCmdbSync, DeviceChangeHook)
