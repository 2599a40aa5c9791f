"""Operator shell: `ops-shell` opens one pool and one SQS client for the whole session."""
import argparse
import cmd
import json
import os
import shlex

import boto3
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool


class OpsShell(cmd.Cmd):
    intro = "orders ops shell. Type help or ? to list commands."
    prompt = "(ops) "

    def __init__(self, pool, sqs, dlq_url, queue_url):
        super().__init__()
        self.pool = pool
        self.sqs = sqs
        self.dlq_url = dlq_url
        self.queue_url = queue_url

    def do_order(self, arg):
        "order NUMBER  -- show an order and its latest events"
        number = arg.strip()
        with self.pool.connection() as conn:
            order = conn.execute(
                "SELECT id, number, status, total_cents, placed_at FROM orders WHERE number = %s",
                (number,),
            ).fetchone()
            if order is None:
                print(f"no order {number}")
                return
            events = conn.execute(
                "SELECT kind, created_at FROM order_events WHERE order_id = %s "
                "ORDER BY created_at DESC LIMIT 10",
                (order["id"],),
            ).fetchall()
        print(json.dumps(order, default=str, indent=2))
        for ev in events:
            print(f"  {ev['created_at']:%Y-%m-%d %H:%M:%S}  {ev['kind']}")

    def do_cancel(self, arg):
        "cancel NUMBER REASON...  -- cancel an unshipped order"
        parts = shlex.split(arg)
        if len(parts) < 2:
            print("usage: cancel NUMBER REASON")
            return
        number, reason = parts[0], " ".join(parts[1:])
        with self.pool.connection() as conn, conn.transaction():
            row = conn.execute(
                "UPDATE orders SET status = 'cancelled' WHERE number = %s "
                "AND status IN ('placed', 'paid') RETURNING id",
                (number,),
            ).fetchone()
            if row is None:
                print("order not found or already shipped")
                return
            conn.execute(
                "INSERT INTO order_events (order_id, kind, detail) VALUES (%s, 'cancelled', %s)",
                (row["id"], json.dumps({"reason": reason, "by": os.environ.get("USER")})),
            )
        print(f"cancelled {number}")

    def do_dlq(self, arg):
        "dlq [peek|redrive] [N]  -- inspect or redrive the order-events dead-letter queue"
        parts = arg.split()
        action = parts[0] if parts else "peek"
        count = int(parts[1]) if len(parts) > 1 else 5
        resp = self.sqs.receive_message(
            QueueUrl=self.dlq_url,
            MaxNumberOfMessages=min(count, 10),
            VisibilityTimeout=30 if action == "peek" else 120,
            WaitTimeSeconds=1,
        )
        for msg in resp.get("Messages", []):
            print(msg["MessageId"], msg["Body"][:120])
            if action == "redrive":
                self.sqs.send_message(QueueUrl=self.queue_url, MessageBody=msg["Body"])
                self.sqs.delete_message(QueueUrl=self.dlq_url, ReceiptHandle=msg["ReceiptHandle"])

    def do_stats(self, arg):
        "stats  -- pool statistics"
        print(json.dumps(self.pool.get_stats(), indent=2))

    def do_quit(self, arg):
        "quit  -- leave the shell"
        return True

    do_EOF = do_quit

    def postloop(self):
        print("bye")


def main():
    parser = argparse.ArgumentParser(prog="ops-shell")
    parser.add_argument("--dsn", default=os.environ.get("ORDERS_DSN", "postgresql://ops@pg.internal/orders"))
    parser.add_argument("--region", default=os.environ.get("AWS_REGION", "eu-west-1"))
    parser.add_argument("--dlq-url", default=os.environ.get("ORDER_EVENTS_DLQ_URL"))
    parser.add_argument("--queue-url", default=os.environ.get("ORDER_EVENTS_QUEUE_URL"))
    args = parser.parse_args()

    pool = ConnectionPool(
        args.dsn,
        min_size=1,
        max_size=2,
        kwargs={"row_factory": dict_row, "application_name": "ops-shell"},
        open=True,
    )
    sqs = boto3.client("sqs", region_name=args.region)
    try:
        OpsShell(pool, sqs, args.dlq_url, args.queue_url).cmdloop()
    finally:
        pool.close()
        sqs.close()


if __name__ == "__main__":
    main()
