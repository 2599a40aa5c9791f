from maltego_trx.entities import Phrase
from maltego_trx.maltego import UIM_INFORM, MaltegoMsg, MaltegoTransform
from maltego_trx.transform import DiscoverableTransform

from clients import get_pg

QUERY = """
    SELECT b.name, b.breach_date, b.pwn_count, a.password_hint IS NOT NULL
      FROM breach_accounts a
      JOIN breaches b ON b.id = a.breach_id
     WHERE a.email = %s
  ORDER BY b.breach_date DESC
     LIMIT %s
"""


class EmailToBreaches(DiscoverableTransform):
    """Email address -> breaches the address appears in."""

    @classmethod
    def create_entities(cls, request: MaltegoMsg, response: MaltegoTransform):
        email = request.Value.strip().lower()
        limit = max(1, min(int(request.Slider or 12), 256))

        conn = get_pg()
        try:
            with conn.cursor() as cur:
                cur.execute(QUERY, (email, limit))
                rows = cur.fetchall()
        finally:
            conn.close()

        if not rows:
            response.addUIMessage(f"{email} not found in any known breach", UIM_INFORM)
            return

        for name, breach_date, pwn_count, has_hint in rows:
            ent = response.addEntity(Phrase, name)
            ent.addProperty("breach.date", "Breach date", "strict", breach_date.isoformat())
            ent.addProperty("breach.size", "Accounts", "loose", str(pwn_count))
            if has_hint:
                ent.setNote("Password hint leaked")
