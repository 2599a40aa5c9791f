import httpx
import requests
from kivy.app import App
from kivy.clock import Clock
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.button import Button
from kivy.uix.label import Label
from kivy.uix.textinput import TextInput

from config import BADGE_API, KIOSK_ID, QUEUE_API
from lookup import find_attendee


class CheckInKiosk(App):
    title = "Check-in"

    def build(self):
        # printer/badge service client lives as long as the app
        self.badges = httpx.Client(base_url=BADGE_API, timeout=5.0)

        root = BoxLayout(orientation="vertical", padding=24, spacing=12)
        self.badge_input = TextInput(hint_text="Scan badge", multiline=False, font_size=32)
        self.badge_input.bind(on_text_validate=self.on_check_in)
        self.status = Label(text="Ready", font_size=28)
        self.queue_label = Label(text="Queue: -", font_size=20)
        button = Button(text="Check in", font_size=32, size_hint_y=0.3)
        button.bind(on_press=self.on_check_in)

        for widget in (self.badge_input, button, self.status, self.queue_label):
            root.add_widget(widget)

        Clock.schedule_interval(self.refresh_queue, 5)
        return root

    def on_check_in(self, *_args):
        badge_id = self.badge_input.text.strip()
        if not badge_id:
            return
        attendee = find_attendee(badge_id)
        if attendee is None:
            self.status.text = "Unknown badge"
            return
        self.badges.post("/print", json={"attendee": attendee["id"], "kiosk": KIOSK_ID})
        self.status.text = f"Welcome, {attendee['full_name']}!"
        self.badge_input.text = ""

    def refresh_queue(self, dt):
        session = requests.Session()
        try:
            resp = session.get(f"{QUEUE_API}/kiosks/{KIOSK_ID}/queue", timeout=3)
            self.queue_label.text = f"Queue: {resp.json()['waiting']}"
        except requests.RequestException:
            self.queue_label.text = "Queue: offline"

    def on_stop(self):
        self.badges.close()


if __name__ == "__main__":
    CheckInKiosk().run()
