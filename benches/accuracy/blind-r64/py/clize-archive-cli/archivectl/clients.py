"""Client factories.  archivectl runs one command per process (cron /
an operator's shell), so each command builds what it needs once and
closes it before exiting."""
import os

import boto3
import psycopg
import requests


def connect_db() -> psycopg.Connection:
    return psycopg.connect(os.environ["EVENTS_DATABASE_URL"], application_name="archivectl")


def make_s3():
    return boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-central-1"))


def make_checksum_session() -> requests.Session:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {os.environ['CHECKSUM_TOKEN']}"
    return session
