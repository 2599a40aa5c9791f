import os

MONGO_URI = os.environ.get("SEARCHARCHIVE_MONGO_URI", "mongodb://mongo.lan:27017/listarchive")
WEAVIATE_HOST = os.environ.get("SEARCHARCHIVE_WEAVIATE_HOST", "weaviate.lan")
PUBLIC_BASE = os.environ.get("SEARCHARCHIVE_BASE_URL", "https://lists.example.org/archive")
