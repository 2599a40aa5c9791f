import datetime as dt

import pymongo
from elasticsearch import Elasticsearch
from itemadapter import ItemAdapter
from sqlalchemy import Column, DateTime, MetaData, Numeric, String, Table, create_engine, insert

metadata = MetaData()

price_history = Table(
    "price_history",
    metadata,
    Column("sku", String(64), nullable=False, index=True),
    Column("price", Numeric(10, 2), nullable=False),
    Column("seen_at", DateTime(timezone=True), nullable=False),
)


class MongoPipeline:
    collection_name = "products"

    def __init__(self, mongo_uri, mongo_db):
        self.mongo_uri = mongo_uri
        self.mongo_db = mongo_db

    @classmethod
    def from_crawler(cls, crawler):
        return cls(
            mongo_uri=crawler.settings.get("MONGO_URI"),
            mongo_db=crawler.settings.get("MONGO_DATABASE", "shop"),
        )

    def open_spider(self, spider):
        self.client = pymongo.MongoClient(self.mongo_uri)
        self.db = self.client[self.mongo_db]

    def close_spider(self, spider):
        self.client.close()

    def process_item(self, item, spider):
        adapter = ItemAdapter(item)
        self.db[self.collection_name].update_one(
            {"sku": adapter["sku"]}, {"$set": adapter.asdict()}, upsert=True
        )
        return item


class SearchIndexPipeline:
    def __init__(self, es_url, index):
        self.es_url = es_url
        self.index = index

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("ES_URL"), crawler.settings.get("ES_INDEX", "products"))

    def process_item(self, item, spider):
        adapter = ItemAdapter(item)
        es = Elasticsearch(self.es_url, request_timeout=10)
        es.index(
            index=self.index,
            id=adapter["sku"],
            document={"name": adapter["name"], "category": adapter.get("category"), "price": adapter["price"]},
        )
        return item


class PriceHistoryPipeline:
    def __init__(self, db_url):
        self.db_url = db_url

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("PRICES_DB_URL"))

    def open_spider(self, spider):
        self.engine = create_engine(self.db_url, pool_size=20, max_overflow=30, pool_pre_ping=True)
        metadata.create_all(self.engine)

    def close_spider(self, spider):
        self.engine.dispose()

    def process_item(self, item, spider):
        adapter = ItemAdapter(item)
        conn = self.engine.connect()
        conn.execute(
            insert(price_history).values(
                sku=adapter["sku"],
                price=adapter["price"],
                seen_at=dt.datetime.now(dt.timezone.utc),
            )
        )
        conn.commit()
        return item
