import os
from dataclasses import dataclass

import redis
import weaviate
from mongoengine import connect, disconnect


@dataclass(frozen=True)
class Services:
    redis: redis.Redis
    weaviate: "weaviate.WeaviateClient"


def build_services() -> Services:
    """Called once from main(); handlers receive the result at load time."""
    connect(db="courier", host=os.environ.get("MONGO_URL", "mongodb://mongo:27017/courier"))
    r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://redis:6379/0"), decode_responses=True)
    wv = weaviate.connect_to_custom(
        http_host=os.environ.get("WEAVIATE_HOST", "weaviate"),
        http_port=8080,
        http_secure=False,
        grpc_host=os.environ.get("WEAVIATE_HOST", "weaviate"),
        grpc_port=50051,
        grpc_secure=False,
    )
    return Services(redis=r, weaviate=wv)


def close_services(services: Services) -> None:
    services.weaviate.close()
    services.redis.close()
    disconnect()
