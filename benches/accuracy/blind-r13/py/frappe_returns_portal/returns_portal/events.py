import json

import boto3
import frappe

from returns_portal.settings import label_bucket


def on_return_submit(doc, method=None):
    """doc_events hook: runs every time a Return Request is submitted."""
    label = frappe.get_attr("returns_portal.labels.render_label")(doc)
    s3 = boto3.client("s3", region_name=frappe.conf.get("aws_region", "eu-west-1"))
    key = f"labels/{doc.name}.pdf"
    s3.put_object(Bucket=label_bucket(), Key=key, Body=label, ContentType="application/pdf")
    doc.db_set("label_key", key, update_modified=False)
    frappe.publish_realtime(
        "return_label_ready",
        json.dumps({"return": doc.name, "key": key}),
        user=doc.owner,
    )
