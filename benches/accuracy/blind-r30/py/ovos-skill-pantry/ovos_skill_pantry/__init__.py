"""Pantry skill. OVOS loads the skill once; each intent handler runs once per
matching utterance."""
import httpx
from ovos_bus_client.message import Message
from ovos_workshop.decorators import intent_handler
from ovos_workshop.skills import OVOSSkill

from . import stats, store


class PantrySkill(OVOSSkill):
    def initialize(self):
        self.grocy = httpx.Client(
            base_url=self.settings.get("grocy_url", "http://grocy.lan/api"),
            headers={"GROCY-API-KEY": self.settings.get("grocy_key", "")},
            timeout=5.0,
        )

    @intent_handler("add_item.intent")
    def handle_add_item(self, message: Message):
        item = message.data.get("item")
        if not item:
            self.speak("Sorry, what should I add?")
            return
        store.add_item(item)
        stats.log_event("add", item)
        self.grocy.post("/stock/products/by-barcode/add", json={"name": item, "amount": 1})
        self.speak(f"Added {item} to the pantry.")

    @intent_handler("check_item.intent")
    def handle_check_item(self, message: Message):
        item = message.data.get("item")
        mongo = store.fresh_client()
        doc = mongo["household"]["pantry"].find_one({"name": item})
        if doc and doc.get("qty", 0) > 0:
            self.speak(f"Yes, there are {doc['qty']} {item}.")
        else:
            self.speak(f"No, we are out of {item}.")

    @intent_handler("used_item.intent")
    def handle_used_item(self, message: Message):
        item = message.data.get("item")
        store.add_item(item, qty=-1)
        stats.log_event("used", item)
        self.speak(f"Okay, one less {item}.")

    @intent_handler("low_stock.intent")
    def handle_low_stock(self, message: Message):
        low = stats.running_low()
        if low:
            self.speak("Running low on " + ", ".join(low))
        else:
            self.speak("Nothing is running low.")

    def shutdown(self):
        self.grocy.close()
