"""Order lookups against the shop's MySQL database."""
import os
from datetime import datetime

import pymysql
import pymysql.cursors

MYSQL = {
    "host": os.environ.get("SHOP_DB_HOST", "shop-db.internal"),
    "port": int(os.environ.get("SHOP_DB_PORT", "3306")),
    "user": os.environ.get("SHOP_DB_USER", "assistant"),
    "password": os.environ.get("SHOP_DB_PASSWORD", ""),
    "database": os.environ.get("SHOP_DB_NAME", "shop"),
    "charset": "utf8mb4",
}

ORDER_SQL = """
    SELECT o.order_no, o.status, o.total_cents, o.created_at,
           o.courier, o.tracking_no
      FROM orders o
      JOIN customers c ON c.id = o.customer_id
     WHERE o.order_no = %s AND c.wechat_remark = %s
"""

STATUS_TEXT = {
    "pending": "waiting for payment",
    "paid": "paid, being packed",
    "shipped": "shipped",
    "delivered": "delivered",
    "refunded": "refunded",
}


def find_order(order_no: str, customer_remark: str):
    conn = pymysql.connect(cursorclass=pymysql.cursors.DictCursor, connect_timeout=5, **MYSQL)
    try:
        with conn.cursor() as cur:
            cur.execute(ORDER_SQL, (order_no, customer_remark))
            return cur.fetchone()
    finally:
        conn.close()


def describe(order) -> str:
    created = order["created_at"]
    if isinstance(created, datetime):
        created = created.strftime("%Y-%m-%d %H:%M")
    lines = [
        f"Order {order['order_no']} ({created})",
        f"Status: {STATUS_TEXT.get(order['status'], order['status'])}",
        f"Total: {order['total_cents'] / 100:.2f} CNY",
    ]
    if order.get("tracking_no"):
        lines.append(f"Courier: {order['courier']} {order['tracking_no']}")
    return "\n".join(lines)
