import pymysql
import pymysql.cursors

from config import MYSQL


def find_attendee(badge_id: str):
    with pymysql.connect(cursorclass=pymysql.cursors.DictCursor, connect_timeout=3, **MYSQL) as conn:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT id, full_name, ticket_type, checked_in_at FROM attendees WHERE badge_id = %s",
                (badge_id,),
            )
            return cur.fetchone()
