"""Mirror ingested partner prices into the OpenSearch product index."""
import os

from opensearchpy import AsyncOpenSearch
from opensearchpy.helpers import async_bulk

OPENSEARCH_HOST = os.environ.get("OPENSEARCH_HOST", "opensearch")
OPENSEARCH_PORT = int(os.environ.get("OPENSEARCH_PORT", "9200"))
INDEX = os.environ.get("PRICE_INDEX", "partner-prices")


def _actions(rows):
    for row in rows:
        yield {
            "_op_type": "index",
            "_index": INDEX,
            "_id": f"{row['partner']}:{row['sku']}",
            "_source": {
                "partner": row["partner"],
                "sku": row["sku"],
                "price": float(row["price"]),
                "currency": row["currency"],
                "valid_from": row["valid_from"],
            },
        }


async def index_rows(rows):
    if not rows:
        return 0
    client = AsyncOpenSearch(
        hosts=[{"host": OPENSEARCH_HOST, "port": OPENSEARCH_PORT}],
        http_auth=(os.environ["OPENSEARCH_USER"], os.environ["OPENSEARCH_PASSWORD"]),
        use_ssl=True,
        verify_certs=True,
        ssl_show_warn=False,
    )
    success, errors = await async_bulk(client, _actions(rows), raise_on_error=False)
    if errors:
        raise RuntimeError(f"{len(errors)} documents failed to index")
    return success
