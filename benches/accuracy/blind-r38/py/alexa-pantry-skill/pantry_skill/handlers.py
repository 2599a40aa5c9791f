import os
import time

import ask_sdk_core.utils as ask_utils
import httpx
from ask_sdk_core.dispatch_components import AbstractExceptionHandler, AbstractRequestHandler

from pantry_skill import reminders, services

NUTRITION_API = os.environ.get("NUTRITION_API", "https://nutrition.example.com")


def _user_id(handler_input) -> str:
    return handler_input.request_envelope.context.system.user.user_id


class LaunchRequestHandler(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return ask_utils.is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input):
        due = reminders.pending_for(_user_id(handler_input))
        speech = "Welcome to Pantry Pal."
        if due:
            speech += f" You have {len(due)} shopping reminders."
        return handler_input.response_builder.speak(speech).ask("What would you like to do?").response


class PantryCheckIntentHandler(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return ask_utils.is_intent_name("PantryCheckIntent")(handler_input)

    def handle(self, handler_input):
        item = ask_utils.get_slot_value(handler_input=handler_input, slot_name="item")
        doc = services.pantry.find_one({"user_id": _user_id(handler_input), "name": item})
        if doc and doc.get("quantity", 0) > 0:
            speech = f"You have {doc['quantity']} {item} left."
        else:
            speech = f"You're out of {item}."
        return handler_input.response_builder.speak(speech).response


class AddItemIntentHandler(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return ask_utils.is_intent_name("AddItemIntent")(handler_input)

    def handle(self, handler_input):
        item = ask_utils.get_slot_value(handler_input=handler_input, slot_name="item")
        qty = int(ask_utils.get_slot_value(handler_input=handler_input, slot_name="quantity") or 1)
        user_id = _user_id(handler_input)
        services.pantry.update_one(
            {"user_id": user_id, "name": item}, {"$inc": {"quantity": qty}}, upsert=True
        )
        events = services.pantry_events_table()
        events.put_item(
            Item={"user_id": user_id, "ts": int(time.time() * 1000), "item": item, "delta": qty}
        )
        return handler_input.response_builder.speak(f"Added {qty} {item}.").response


class RecipeIntentHandler(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return ask_utils.is_intent_name("RecipeIntent")(handler_input)

    def handle(self, handler_input):
        names = [d["name"] for d in services.pantry.find({"user_id": _user_id(handler_input)}).limit(8)]
        resp = services.recipes_http().get(
            f"{services.RECIPES_API}/v2/suggest", params={"ingredients": ",".join(names)}, timeout=4
        )
        recipe = resp.json()["results"][0]["title"] if resp.ok and resp.json()["results"] else None
        speech = f"How about {recipe}?" if recipe else "I couldn't find a recipe with what you have."
        return handler_input.response_builder.speak(speech).response


class NutritionIntentHandler(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return ask_utils.is_intent_name("NutritionIntent")(handler_input)

    def handle(self, handler_input):
        item = ask_utils.get_slot_value(handler_input=handler_input, slot_name="item")
        client = httpx.Client(base_url=NUTRITION_API, timeout=4)
        data = client.get("/v1/foods", params={"q": item}).json()
        kcal = data["foods"][0]["kcal_per_100g"] if data.get("foods") else None
        speech = f"{item} has about {kcal} calories per 100 grams." if kcal else f"I don't know {item}."
        return handler_input.response_builder.speak(speech).response


class SetReminderIntentHandler(AbstractRequestHandler):
    def can_handle(self, handler_input):
        return ask_utils.is_intent_name("SetReminderIntent")(handler_input)

    def handle(self, handler_input):
        item = ask_utils.get_slot_value(handler_input=handler_input, slot_name="item")
        when = ask_utils.get_slot_value(handler_input=handler_input, slot_name="date")
        reminders.save_reminder(_user_id(handler_input), item, when)
        return handler_input.response_builder.speak(f"I'll remind you to buy {item}.").response


class CatchAllExceptionHandler(AbstractExceptionHandler):
    def can_handle(self, handler_input, exception):
        return True

    def handle(self, handler_input, exception):
        speech = "Sorry, something went wrong. Please try again."
        return handler_input.response_builder.speak(speech).ask(speech).response
