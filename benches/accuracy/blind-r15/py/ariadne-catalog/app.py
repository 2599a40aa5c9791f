"""Run with: uvicorn app:app --workers 4"""
import os

import redis
from ariadne import load_schema_from_path, make_executable_schema
from ariadne.asgi import GraphQL

from resolvers.products import product_type, query
from resolvers.reviews import mutation

REDIS_URL = os.environ.get("REDIS_URL", "redis://redis:6379/0")

type_defs = load_schema_from_path("schema.graphql")
schema = make_executable_schema(type_defs, query, mutation, product_type)


def get_context(request, data):
    return {
        "request": request,
        "cache": redis.Redis.from_url(REDIS_URL, decode_responses=True),
    }


app = GraphQL(schema, context_value=get_context, debug=os.environ.get("DEBUG") == "1")
