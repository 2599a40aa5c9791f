import csv
import datetime as dt
import io

import boto3
from sqlalchemy import create_engine, text

from settings import AWS_REGION, EXPORT_BUCKET, MYSQL_URL

engine = create_engine(MYSQL_URL, pool_recycle=3600)


def upload_today() -> str:
    s3 = boto3.client("s3", region_name=AWS_REGION)
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["line", "hour", "units", "scrap"])
    with engine.connect() as conn:
        for row in conn.execute(
            text("SELECT line, hour, units, scrap FROM line_output WHERE shift_date = CURDATE() ORDER BY line, hour")
        ):
            writer.writerow(row)
    key = f"line-output/{dt.date.today():%Y/%m/%d}.csv"
    s3.put_object(Bucket=EXPORT_BUCKET, Key=key, Body=buf.getvalue().encode("utf-8"))
    return key
