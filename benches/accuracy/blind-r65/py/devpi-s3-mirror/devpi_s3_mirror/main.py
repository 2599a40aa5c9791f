"""Hook implementations loaded by devpi-server through the devpi_server entry point."""
import logging
import os

import boto3
from pluggy import HookimplMarker

from . import audit, quota

hookimpl = HookimplMarker("devpiserver")
log = logging.getLogger(__name__)

BUCKET = os.environ.get("DEVPI_S3_BUCKET", "acme-wheelhouse")
PREFIX = os.environ.get("DEVPI_S3_PREFIX", "simple")
REGION = os.environ.get("AWS_REGION", "eu-central-1")


@hookimpl
def devpiserver_get_features():
    return {"s3-mirror"}


@hookimpl
def devpiserver_pyramid_configure(config, pyramid_config):
    # runs once while devpi-server builds its Pyramid app
    pyramid_config.add_route("s3mirror_usage", "/+s3mirror/usage/{user}")
    pyramid_config.add_view(usage_view, route_name="s3mirror_usage", renderer="json")


def usage_view(request):
    user = request.matchdict["user"]
    return {"user": user, "bytes": quota.usage_for(user), "limit": quota.LIMIT_BYTES}


@hookimpl
def devpiserver_on_upload(stage, project, version, link):
    """Called by devpi-server for every file uploaded to a private index."""
    if not link.entry.file_exists():
        return
    user = stage.name.split("/", 1)[0]
    content = link.entry.file_get_content()
    if quota.usage_for(user) + len(content) > quota.LIMIT_BYTES:
        log.warning("s3-mirror: %s is over quota, not mirroring %s", user, link.basename)
        audit.record_upload(stage.name, project, str(version), link.basename, None, len(content))
        return
    s3 = boto3.client("s3", region_name=REGION)
    key = f"{PREFIX}/{stage.name}/{project}/{link.basename}"
    s3.put_object(
        Bucket=BUCKET,
        Key=key,
        Body=content,
        Metadata={"project": project, "version": str(version)},
    )
    audit.record_upload(stage.name, project, str(version), link.basename, key, len(content))
    quota.add_usage(user, len(content))
    log.info("s3-mirror: %s -> s3://%s/%s", link.basename, BUCKET, key)
