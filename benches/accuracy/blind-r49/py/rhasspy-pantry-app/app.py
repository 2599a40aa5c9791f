"""Rhasspy 2.5 Hermes app: pantry intents spoken in the kitchen satellites.

Run: python app.py --host mqtt.local --port 1883
"""
import logging
import os

import httpx
from rhasspyhermes.nlu import NluIntent
from rhasspyhermes_app import EndSession, HermesApp

from pantry import db, shopping

_LOGGER = logging.getLogger("PantryApp")

RECIPE_API = os.environ.get("RECIPE_API", "https://recipes.nas.local/api")

app = HermesApp("PantryApp")


def slot(intent: NluIntent, name: str, default=None):
    for s in intent.slots:
        if s.slot_name == name:
            return s.value.get("value", default)
    return default


@app.on_intent("AddToPantry")
async def add_to_pantry(intent: NluIntent):
    item = slot(intent, "item")
    quantity = int(slot(intent, "quantity", 1))
    total = db.add_item(item, quantity)
    return EndSession(f"Okay, you now have {total} {item}")


@app.on_intent("AddToShoppingList")
async def add_to_shopping_list(intent: NluIntent):
    item = slot(intent, "item")
    shopping.add_to_list(item, intent.site_id)
    return EndSession(f"{item} is on the shopping list")


@app.on_intent("WhatCanICook")
async def what_can_i_cook(intent: NluIntent):
    ingredients = db.in_stock()
    if not ingredients:
        return EndSession("The pantry is empty")

    recipes = httpx.AsyncClient(base_url=RECIPE_API, timeout=8.0)
    resp = await recipes.get("/search", params={"ingredients": ",".join(ingredients[:12]), "limit": 3})
    if resp.status_code != 200:
        _LOGGER.warning("recipe API returned %s", resp.status_code)
        return EndSession("I could not reach the recipe book")

    titles = [r["title"] for r in resp.json().get("results", [])]
    if not titles:
        return EndSession("Nothing matches what you have")
    return EndSession("You could make " + ", or ".join(titles))


app.run()
