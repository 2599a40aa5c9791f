"""FiftyOne plugin: push reviewed labels to S3 and register the batch with LabelOps."""
import json
import os
import urllib.request

import boto3
import requests

import fiftyone.operators as foo
import fiftyone.operators.types as types

EXPORT_BUCKET = os.environ.get("REVIEW_EXPORT_BUCKET", "acme-label-reviews")
LABELOPS_URL = os.environ.get("LABELOPS_URL", "https://labelops.acme.io/api")
SLACK_WEBHOOK = os.environ.get("REVIEW_SLACK_WEBHOOK")


def _notify(text: str) -> None:
    if not SLACK_WEBHOOK:
        return
    req = urllib.request.Request(
        SLACK_WEBHOOK,
        data=json.dumps({"text": text}).encode(),
        headers={"Content-Type": "application/json"},
    )
    urllib.request.urlopen(req, timeout=5).close()


class PushReviews(foo.Operator):
    @property
    def config(self):
        return foo.OperatorConfig(
            name="push_reviews",
            label="Push reviewed labels to LabelOps",
            dynamic=True,
        )

    def resolve_input(self, ctx):
        inputs = types.Object()
        inputs.str("batch_name", label="Batch name", required=True)
        inputs.bool("notify", label="Post to #labeling", default=True)
        count = len(ctx.selected) if ctx.selected else len(ctx.view)
        inputs.view("summary", types.Notice(label=f"{count} samples will be pushed"))
        return types.Property(inputs, view=types.View(label="Push reviews"))

    def execute(self, ctx):
        view = ctx.dataset.select(ctx.selected) if ctx.selected else ctx.view
        batch = ctx.params["batch_name"]

        records = []
        for sample in view.select_fields("ground_truth").iter_samples(progress=False):
            dets = sample.ground_truth.detections if sample.ground_truth else []
            records.append(
                {
                    "sample_id": sample.id,
                    "filepath": sample.filepath,
                    "labels": [{"label": d.label, "bbox": d.bounding_box} for d in dets],
                }
            )

        s3 = boto3.client("s3")
        key = f"{ctx.dataset.name}/{batch}.json"
        s3.put_object(Bucket=EXPORT_BUCKET, Key=key, Body=json.dumps(records).encode())

        api = requests.Session()
        api.headers["Authorization"] = f"Bearer {ctx.secrets['LABELOPS_TOKEN']}"
        resp = api.post(
            f"{LABELOPS_URL}/batches",
            json={"dataset": ctx.dataset.name, "name": batch, "s3_key": key, "count": len(records)},
            timeout=15,
        )
        resp.raise_for_status()

        if ctx.params.get("notify", True):
            _notify(f"{len(records)} reviewed samples from {ctx.dataset.name} pushed as `{batch}`")
        return {"pushed": len(records), "key": key}

    def resolve_output(self, ctx):
        outputs = types.Object()
        outputs.int("pushed", label="Samples pushed")
        outputs.str("key", label="S3 key")
        return types.Property(outputs, view=types.View(label="Push complete"))


def register(p):
    p.register(PushReviews)
