import io
import os

import pandas as pd

from shipments_repo.utils.clients import s3_client

if 'data_exporter' not in globals():
    from mage_ai.data_preparation.decorators import data_exporter

ARCHIVE_BUCKET = os.getenv('ARCHIVE_BUCKET', 'logistics-raw-archive')


def _object_key(run_at) -> str:
    """Hive-style partitioning so Athena can query the archive directly."""
    return f"tracking_events/dt={run_at:%Y-%m-%d}/{run_at:%H%M}.parquet"


@data_exporter
def export_data(df: pd.DataFrame, *args, **kwargs) -> None:
    """Archive the raw normalized batch of this trigger run to S3."""
    if df.empty:
        return
    key = _object_key(kwargs.get('execution_date'))

    buf = io.BytesIO()
    df.to_parquet(buf, index=False)
    buf.seek(0)

    s3_client().put_object(Bucket=ARCHIVE_BUCKET, Key=key, Body=buf.getvalue())
