"""NiFi 2.x Python processor: archive each invoice PDF to S3 and index it.

NiFi creates one instance of this class per processor on the canvas,
calls onScheduled when the processor is started and transform() once for
every FlowFile that arrives on the incoming connection.
"""
import hashlib
import json

import boto3
from nifiapi.flowfiletransform import FlowFileTransform, FlowFileTransformResult
from nifiapi.properties import PropertyDescriptor, StandardValidators
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

BUCKET = PropertyDescriptor(
    name="Archive Bucket",
    description="S3 bucket receiving the archived PDFs",
    required=True,
    validators=[StandardValidators.NON_EMPTY_VALIDATOR],
)
REGION = PropertyDescriptor(
    name="AWS Region",
    description="Region of the archive bucket",
    required=True,
    default_value="eu-central-1",
)
DB_URL = PropertyDescriptor(
    name="Index Database URL",
    description="SQLAlchemy URL of the invoice index database",
    required=True,
    sensitive=True,
    validators=[StandardValidators.NON_EMPTY_VALIDATOR],
)


class ArchiveInvoice(FlowFileTransform):
    class Java:
        implements = ["org.apache.nifi.python.processor.FlowFileTransform"]

    class ProcessorDetails:
        version = "1.3.0"
        description = "Stores invoice PDFs in S3 and records them in the invoice index."
        tags = ["invoice", "s3", "postgres"]
        dependencies = ["boto3==1.35.36", "SQLAlchemy==2.0.36", "psycopg2-binary==2.9.10"]

    def __init__(self, **kwargs):
        super().__init__()
        self.engine = None

    def getPropertyDescriptors(self):
        return [BUCKET, REGION, DB_URL]

    def onScheduled(self, context):
        url = context.getProperty(DB_URL).getValue()
        self.engine = create_engine(url, pool_size=4, max_overflow=2, pool_pre_ping=True)

    def onStopped(self, context):
        if self.engine is not None:
            self.engine.dispose()
            self.engine = None

    def transform(self, context, flowfile):
        attrs = flowfile.getAttributes()
        body = flowfile.getContentsAsBytes()
        bucket = context.getProperty(BUCKET).evaluateAttributeExpressions(flowfile).getValue()
        region = context.getProperty(REGION).getValue()

        supplier = attrs.get("invoice.supplier", "unknown")
        number = attrs.get("invoice.number") or attrs.get("filename")
        digest = hashlib.sha256(body).hexdigest()
        key = f"invoices/{supplier}/{number}-{digest[:12]}.pdf"

        s3 = boto3.client("s3", region_name=region)
        s3.put_object(
            Bucket=bucket,
            Key=key,
            Body=body,
            ContentType="application/pdf",
            Metadata={"supplier": supplier, "sha256": digest},
        )

        session = Session(self.engine)
        existing = session.execute(
            text("SELECT id FROM invoice_index WHERE sha256 = :d"), {"d": digest}
        ).first()
        if existing:
            return FlowFileTransformResult(
                relationship="success",
                attributes={"archive.key": key, "archive.duplicate": "true"},
            )
        session.execute(
            text(
                "INSERT INTO invoice_index (supplier, number, s3_key, sha256, size_bytes) "
                "VALUES (:s, :n, :k, :d, :b)"
            ),
            {"s": supplier, "n": number, "k": key, "d": digest, "b": len(body)},
        )
        session.commit()
        session.close()

        summary = json.dumps({"bucket": bucket, "key": key, "sha256": digest})
        return FlowFileTransformResult(
            relationship="success",
            contents=summary,
            attributes={"archive.key": key, "mime.type": "application/json"},
        )
