import os

import flask
from pywa import WhatsApp, filters
from pywa.handlers import CallbackButtonHandler, MessageHandler

from support import handlers

flask_app = flask.Flask(__name__)

wa = WhatsApp(
    phone_id=os.environ["WA_PHONE_ID"],
    token=os.environ["WA_TOKEN"],
    server=flask_app,
    verify_token=os.environ["WA_VERIFY_TOKEN"],
    app_secret=os.environ.get("WA_APP_SECRET"),
    webhook_endpoint="/wa/webhook",
)

wa.add_handlers(
    MessageHandler(handlers.on_text, filters.text),
    MessageHandler(handlers.on_image, filters.image),
    CallbackButtonHandler(handlers.on_button),
)


@flask_app.get("/healthz")
def healthz():
    return {"ok": True}


# gunicorn -w 4 app:flask_app
