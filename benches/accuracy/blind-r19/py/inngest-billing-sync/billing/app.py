import flask
import inngest.flask

from billing.client import inngest_client
from billing.functions import ALL

app = flask.Flask(__name__)


@app.get("/healthz")
def healthz():
    return {"ok": True}


inngest.flask.serve(app, inngest_client, ALL)
