import psycopg


def load_invoice(conn: psycopg.Connection, doc: dict) -> None:
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO invoices (id, customer_id, issued_at, currency) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (id) DO NOTHING",
            (doc["id"], doc["customer_id"], doc["issued_at"], doc.get("currency", "EUR")),
        )
        for line in doc.get("lines", []):
            cur.execute(
                "INSERT INTO invoice_lines (invoice_id, description, amount_cents) VALUES (%s, %s, %s)",
                (doc["id"], line["description"], line["amount_cents"]),
            )


def rebuild_totals(conn: psycopg.Connection, since: str) -> int:
    with conn.cursor() as cur:
        cur.execute(
            """
            UPDATE customers c
               SET lifetime_total_cents = t.total
              FROM (SELECT i.customer_id, SUM(l.amount_cents) AS total
                      FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id
                     WHERE i.issued_at >= %s
                     GROUP BY i.customer_id) t
             WHERE c.id = t.customer_id
            """,
            (since,),
        )
        return cur.rowcount
