import os

import boto3
import pymysql

AWS_REGION = os.environ.get("AWS_REGION", "eu-west-1")


def s3_client():
    return boto3.client("s3", region_name=AWS_REGION)


def shop_db():
    return pymysql.connect(
        host=os.environ["SHOP_DB_HOST"],
        user=os.environ["SHOP_DB_USER"],
        password=os.environ["SHOP_DB_PASSWORD"],
        database="shop",
        cursorclass=pymysql.cursors.DictCursor,
    )
