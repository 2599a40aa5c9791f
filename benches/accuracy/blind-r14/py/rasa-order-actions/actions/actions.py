from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from . import carriers
from .db import SessionLocal
from .models import Feedback, Order


class ActionCheckOrderStatus(Action):
    def name(self) -> Text:
        return "action_check_order_status"

    def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[Text, Any],
    ) -> List[Dict[Text, Any]]:
        order_id = tracker.get_slot("order_id")
        session = SessionLocal()
        order = session.get(Order, order_id)
        if order is None:
            dispatcher.utter_message(response="utter_order_not_found")
            return [SlotSet("order_id", None)]
        dispatcher.utter_message(text=f"Order {order.id} is currently {order.status}.")
        return [SlotSet("order_status", order.status), SlotSet("carrier", order.carrier)]


class ActionTrackShipment(Action):
    def name(self) -> Text:
        return "action_track_shipment"

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[Text, Any],
    ) -> List[Dict[Text, Any]]:
        carrier = tracker.get_slot("carrier")
        tracking = tracker.get_slot("tracking_number")
        if not carrier or not tracking:
            dispatcher.utter_message(response="utter_ask_tracking_number")
            return []
        api = carriers.client_for(carrier)
        resp = await api.get("/shipments", params={"trackingNumber": tracking})
        if resp.status_code != 200:
            dispatcher.utter_message(response="utter_tracking_unavailable")
            return []
        dispatcher.utter_message(text=f"Your parcel: {carriers.describe(carrier, resp.json())}")
        return []


class ActionSubmitFeedback(Action):
    def name(self) -> Text:
        return "action_submit_feedback"

    def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[Text, Any],
    ) -> List[Dict[Text, Any]]:
        rating = int(tracker.get_slot("rating") or 0)
        with SessionLocal() as session, session.begin():
            session.add(
                Feedback(
                    order_id=tracker.get_slot("order_id"),
                    sender_id=tracker.sender_id,
                    rating=rating,
                    comment=tracker.latest_message.get("text", ""),
                )
            )
        dispatcher.utter_message(response="utter_thanks_feedback")
        return [SlotSet("rating", None)]
