"""S3 publishing actions for SCons.

SCons calls each action function once per target, from worker threads when
building with -j. All of them share one S3 client per scons process.
"""
import functools
import hashlib
import os

import boto3
from boto3.s3.transfer import TransferConfig

TRANSFER = TransferConfig(multipart_threshold=8 * 1024 * 1024, max_concurrency=4)


@functools.lru_cache(maxsize=None)
def s3_client():
    # boto3 clients are thread-safe; lru_cache makes this a per-process singleton
    return boto3.client("s3", region_name=os.environ.get("ARTIFACT_REGION", "eu-west-1"))


def _key(env, path):
    return f"{env['CHANNEL']}/{env['BOARD']}/{env['VERSION']}/{os.path.basename(path)}"


def write_digest(target, source, env):
    digest = hashlib.sha256()
    with open(str(source[0]), "rb") as fh:
        for chunk in iter(lambda: fh.read(65536), b""):
            digest.update(chunk)
    with open(str(target[0]), "w") as out:
        out.write(f"{digest.hexdigest()}  {os.path.basename(str(source[0]))}\n")
    return 0


def upload_artifacts(target, source, env):
    client = s3_client()
    keys = []
    for node in source:
        path = str(node)
        key = _key(env, path)
        client.upload_file(
            path,
            env["ARTIFACT_BUCKET"],
            key,
            ExtraArgs={"ContentType": "application/octet-stream", "Metadata": {"version": env["VERSION"]}},
            Config=TRANSFER,
        )
        keys.append(key)
    with open(str(target[0]), "w") as out:
        out.write("\n".join(f"s3://{env['ARTIFACT_BUCKET']}/{k}" for k in keys) + "\n")
    return 0


def presigned_url(env, path, expires=7 * 24 * 3600):
    return s3_client().generate_presigned_url(
        "get_object",
        Params={"Bucket": env["ARTIFACT_BUCKET"], "Key": _key(env, path)},
        ExpiresIn=expires,
    )
