import os

import pymysql
import pymysql.cursors


def mysql_connection():
    return pymysql.connect(
        host=os.environ["MYSQL_HOST"],
        user=os.environ.get("MYSQL_USER", "orders_app"),
        password=os.environ["MYSQL_PASSWORD"],
        database=os.environ["MYSQL_DB"],
        cursorclass=pymysql.cursors.DictCursor,
        connect_timeout=5,
    )
