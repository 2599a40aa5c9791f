import scrapy


class ProductsSpider(scrapy.Spider):
    name = "products"
    allowed_domains = ["shop.example.com"]
    start_urls = ["https://shop.example.com/catalog/"]

    def parse(self, response):
        for card in response.css("div.product-card"):
            yield response.follow(card.css("a::attr(href)").get(), callback=self.parse_product)
        next_page = response.css("a.next::attr(href)").get()
        if next_page:
            yield response.follow(next_page, callback=self.parse)

    def parse_product(self, response):
        yield {
            "sku": response.css("[data-sku]::attr(data-sku)").get(),
            "name": response.css("h1::text").get(default="").strip(),
            "price": float(response.css("span.price::attr(content)").get(default="0")),
            "category": response.css("nav.breadcrumb a::text").getall()[-1:],
            "url": response.url,
        }
