# Carrier selection rules, owned by the ops team. Reloaded on deploy.
from shipping import stock_at, quote, pickup_closed

EXPRESS_COUNTRIES = ["DE", "AT", "NL", "BE"]
CARRIERS = ["dhl", "dpd", "gls"]


def choose_carrier(order_id, warehouse, country, weight_g, skus):
    if weight_g > 31500:
        return "freight"

    # Split shipments are handled by a human.
    for sku in skus.split(","):
        if stock_at(warehouse, sku) <= 0:
            return "manual-review"

    open_carriers = [c for c in CARRIERS if not pickup_closed(c, warehouse)]
    if not open_carriers:
        return "next-day"

    if country in EXPRESS_COUNTRIES and "dhl" in open_carriers:
        return "dhl"

    best = None
    best_price = None
    for carrier in open_carriers:
        price = quote(carrier, country, weight_g)
        if best_price is None or price < best_price:
            best, best_price = carrier, price
    return best
