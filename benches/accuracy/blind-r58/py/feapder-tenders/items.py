"""Items produced by the tender spider."""

from feapder import Item


class TenderItem(Item):
    """One public procurement notice."""

    __table_name__ = "tenders"

    def __init__(self, *args, **kwargs):
        self.tender_id = None
        self.region = None
        self.title = None
        self.buyer = None
        self.budget = None
        self.deadline = None
        self.url = None
        super().__init__(*args, **kwargs)


def parse_budget(text):
    if not text:
        return None
    digits = "".join(ch for ch in text if ch.isdigit() or ch == ".")
    try:
        value = float(digits)
    except ValueError:
        return None
    if "万" in text:
        value *= 10000
    return round(value, 2)


def clean(text):
    return " ".join(text.split()) if text else None
