import json
import logging
import os

import azure.functions as func
from azure.cosmos.exceptions import CosmosResourceNotFoundError

from shared.clients import blob_service, orders_container, secrets, shipping_http

app = func.FunctionApp(http_auth_level=func.AuthLevel.FUNCTION)


@app.route(route="orders/{order_id}", methods=["GET"])
def get_order(req: func.HttpRequest) -> func.HttpResponse:
    order_id = req.route_params.get("order_id")
    try:
        order = orders_container.read_item(item=order_id, partition_key=order_id)
    except CosmosResourceNotFoundError:
        return func.HttpResponse(status_code=404)

    tracking = shipping_http().get(
        f"{os.environ['SHIPPING_API_URL']}/shipments/{order_id}", timeout=5
    )
    order["shipment"] = tracking.json() if tracking.ok else None
    return func.HttpResponse(json.dumps(order), mimetype="application/json")


@app.queue_trigger(arg_name="msg", queue_name="receipts", connection="AzureWebJobsStorage")
def render_receipt(msg: func.QueueMessage) -> None:
    payload = msg.get_json()
    order = orders_container.read_item(item=payload["order_id"], partition_key=payload["order_id"])
    receipt = {
        "order_id": order["id"],
        "lines": order["lines"],
        "total": sum(line["price"] * line["qty"] for line in order["lines"]),
    }
    blob = blob_service.get_blob_client(container="receipts", blob=f"{order['id']}.json")
    blob.upload_blob(json.dumps(receipt), overwrite=True)
    logging.info("receipt written for %s", order["id"])


@app.timer_trigger(schedule="0 */30 * * * *", arg_name="timer", run_on_startup=False)
def refresh_webhook_secret(timer: func.TimerRequest) -> None:
    if timer.past_due:
        logging.warning("refresh_webhook_secret is running late")
    secret = secrets().get_secret("webhook-signing-key")
    container = blob_service.get_container_client("config")
    container.upload_blob("webhook-key-version.txt", secret.properties.version, overwrite=True)
