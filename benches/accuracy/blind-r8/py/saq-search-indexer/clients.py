"""Factories for the worker's long-lived clients; called from the SAQ startup hook only."""
import os

import asyncpg
import httpx
from elasticsearch import AsyncElasticsearch


async def make_pool() -> asyncpg.Pool:
    return await asyncpg.create_pool(os.environ["DATABASE_URL"], min_size=1, max_size=10)


def make_search() -> AsyncElasticsearch:
    return AsyncElasticsearch(os.environ["ELASTICSEARCH_URL"], api_key=os.environ["ELASTICSEARCH_API_KEY"])


def make_http() -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=os.environ["THUMBNAILER_URL"], timeout=15.0)
