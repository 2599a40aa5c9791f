import os

import asyncpg
from elasticsearch import AsyncElasticsearch

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://inventory@inventory-db:5432/inventory")
ES_URL = os.environ.get("ES_URL", "http://elasticsearch:9200")
ES_API_KEY = os.environ.get("ES_API_KEY")


def make_es() -> AsyncElasticsearch:
    return AsyncElasticsearch(ES_URL, api_key=ES_API_KEY, request_timeout=10)


async def make_pool() -> asyncpg.Pool:
    # lots of concurrent WAMP callers during flash sales
    return await asyncpg.create_pool(
        DATABASE_URL,
        min_size=10,
        max_size=120,
        command_timeout=10,
    )
