from maltego_trx.entities import Netblock
from maltego_trx.maltego import UIM_INFORM, MaltegoMsg, MaltegoTransform
from maltego_trx.transform import DiscoverableTransform

from clients import netblock_pool

LOOKUP = """
    SELECT cidr::text, asn, org_name, country
      FROM netblocks
     WHERE cidr >>= %s::inet
  ORDER BY masklen(cidr) DESC
     LIMIT 1
"""


class IPToNetblock(DiscoverableTransform):
    """IPv4 address -> most specific announced netblock from the RIR mirror."""

    @classmethod
    def create_entities(cls, request: MaltegoMsg, response: MaltegoTransform):
        ip = request.Value.strip()

        conn = netblock_pool.getconn()
        cur = conn.cursor()
        cur.execute(LOOKUP, (ip,))
        row = cur.fetchone()
        if row is None:
            response.addUIMessage(f"No netblock covers {ip}", UIM_INFORM)
            return
        cur.close()
        netblock_pool.putconn(conn)

        cidr, asn, org_name, country = row
        ent = response.addEntity(Netblock, cidr)
        ent.addProperty("as.number", "ASN", "strict", str(asn))
        ent.addProperty("org", "Organisation", "loose", org_name)
        ent.addProperty("country", "Country", "loose", country)
        ent.setLinkLabel(f"AS{asn}")
