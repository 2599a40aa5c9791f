import os

BOT_NAME = "shopcrawl"
SPIDER_MODULES = ["shopcrawl.spiders"]
NEWSPIDER_MODULE = "shopcrawl.spiders"

ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True

ITEM_PIPELINES = {
    "shopcrawl.pipelines.MongoPipeline": 300,
    "shopcrawl.pipelines.SearchIndexPipeline": 400,
    "shopcrawl.pipelines.PriceHistoryPipeline": 500,
}

MONGO_URI = os.environ.get("MONGO_URI", "mongodb://localhost:27017")
MONGO_DATABASE = "shop"
ES_URL = os.environ.get("ES_URL", "http://localhost:9200")
ES_INDEX = "products"
PRICES_DB_URL = os.environ.get("PRICES_DB_URL", "postgresql+psycopg2://crawler:crawler@localhost/prices")

REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
