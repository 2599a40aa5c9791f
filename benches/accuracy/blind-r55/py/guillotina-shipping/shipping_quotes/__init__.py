"""Guillotina application: carrier rate quotes for each shop container.

Every Guillotina container is one shop (tenant). The rates utility is loaded
once per server process from ``load_utilities``; the services defined in
``services.py`` are called once per HTTP request and only look it up.
"""
from guillotina import configure

app_settings = {
    "load_utilities": {
        "shipping_quotes.rates": {
            "provides": "shipping_quotes.utility.IRatesUtility",
            "factory": "shipping_quotes.utility.RatesUtility",
            "settings": {
                "redis_url": "redis://localhost:6379/4",
                "quote_ttl": 900,
                "tenants": {},
            },
        }
    },
    "shipping_quotes": {
        "max_weight_g": 31500,
        "default_origin": "DE-20095",
    },
}


def includeme(root, settings):
    configure.scan("shipping_quotes.utility")
    configure.scan("shipping_quotes.services")
