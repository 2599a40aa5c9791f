import os

import boto3

REGION = os.environ.get("AWS_REGION", "eu-west-1")


def sessions_table():
    dynamodb = boto3.resource("dynamodb", region_name=REGION)
    return dynamodb.Table(os.environ.get("SESSIONS_TABLE", "clickstream-sessions"))
