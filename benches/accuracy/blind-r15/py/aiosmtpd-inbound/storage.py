import os

import pymysql


def record_delivery(ticket_id: int, sender: str, s3_key: str, size: int) -> None:
    conn = pymysql.connect(
        host=os.environ.get("MYSQL_HOST", "mysql"),
        user=os.environ["MYSQL_USER"],
        password=os.environ["MYSQL_PASSWORD"],
        database="helpdesk",
        autocommit=True,
    )
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO ticket_messages (ticket_id, sender, raw_key, size_bytes) VALUES (%s, %s, %s, %s)",
            (ticket_id, sender, s3_key, size),
        )
