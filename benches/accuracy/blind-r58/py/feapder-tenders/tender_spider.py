"""Crawls regional procurement portals for new tender notices."""

import os
from urllib.parse import urljoin

import feapder
import redis

import dao
from items import TenderItem, clean, parse_budget

REDIS_URL = os.environ.get("CRAWLER_REDIS_URL", "redis://cache.internal:6379/4")
MAX_PAGES = int(os.environ.get("TENDER_MAX_PAGES", "20"))


class TenderSpider(feapder.AirSpider):
    __custom_setting__ = dict(
        ITEM_PIPELINES=["pipelines.pg_pipeline.PgPipeline"],
        SPIDER_MAX_RETRY_TIMES=3,
        REQUEST_TIMEOUT=20,
    )

    def start_requests(self):
        for region, list_url in dao.active_sources():
            yield feapder.Request(list_url, region=region, page=1)

    def parse(self, request, response):
        rows = response.xpath('//table[contains(@class, "notice-list")]//tr[td]')
        for row in rows:
            href = row.xpath("./td[1]/a/@href").extract_first()
            if not href:
                continue
            yield feapder.Request(
                urljoin(request.url, href),
                callback=self.parse_detail,
                region=request.region,
            )

        next_href = response.xpath('//a[@class="next-page"]/@href').extract_first()
        if next_href and request.page < MAX_PAGES:
            yield feapder.Request(
                urljoin(request.url, next_href), region=request.region, page=request.page + 1
            )
        else:
            dao.mark_source_crawled(request.region, request.page)

    def parse_detail(self, request, response):
        seen = redis.Redis.from_url(REDIS_URL, socket_timeout=5)
        tender_id = clean(response.xpath('//span[@id="noticeNo"]/text()').extract_first())
        if not tender_id or seen.sismember("tenders:seen", tender_id):
            return

        item = TenderItem()
        item.tender_id = tender_id
        item.region = request.region
        item.title = clean(response.xpath("//h1/text()").extract_first())
        item.buyer = clean(response.xpath('//td[@class="buyer"]/text()').extract_first())
        item.budget = parse_budget(response.xpath('//td[@class="budget"]/text()').extract_first())
        item.deadline = clean(response.xpath('//td[@class="deadline"]/text()').extract_first())
        item.url = request.url
        yield item

        seen.sadd("tenders:seen", tender_id)


if __name__ == "__main__":
    TenderSpider(thread_count=8).start()
