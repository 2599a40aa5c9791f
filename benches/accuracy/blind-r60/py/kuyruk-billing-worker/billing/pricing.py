from decimal import Decimal

UNIT_PRICES = {
    "api_calls": Decimal("0.0004"),
    "storage_gb_hours": Decimal("0.00013"),
    "build_minutes": Decimal("0.008"),
}


def price_lines(usage_rows) -> list[tuple[str, Decimal]]:
    lines = []
    for meter, quantity in usage_rows:
        unit = UNIT_PRICES.get(meter)
        if unit is None:
            continue
        lines.append((f"{meter} x {quantity}", (unit * quantity).quantize(Decimal("0.01"))))
    return lines
