import pymongo
import redis

_mongo = None


@pyscript_compile
def open_redis(url):
    return redis.Redis.from_url(url, socket_timeout=3, decode_responses=True)


@pyscript_compile
def mongo(url):
    global _mongo
    if _mongo is None:
        _mongo = pymongo.MongoClient(url, serverSelectionTimeoutMS=5000)
    return _mongo
