"""Tools the model may call; each runs once per tool call, several per ticket."""
from strands import tool

from resources import CARRIER, POOL, invoices_bucket_client


@tool
def get_order(order_id: str) -> dict:
    """Look up an order: status, items, carrier tracking number and region.

    Args:
        order_id: The order number, e.g. "A-100233".
    """
    with POOL.connection() as conn:
        row = conn.execute(
            "SELECT status, items, tracking_number, region FROM orders WHERE id = %s",
            (order_id,),
        ).fetchone()
    if row is None:
        return {"error": f"order {order_id} not found"}
    status, items, tracking_number, region = row
    return {"status": status, "items": items, "tracking_number": tracking_number, "region": region}


@tool
def track_parcel(tracking_number: str) -> dict:
    """Latest carrier scan events for a parcel.

    Args:
        tracking_number: Carrier tracking number from get_order.
    """
    resp = CARRIER.get(f"/shipments/{tracking_number}/events")
    resp.raise_for_status()
    return {"events": resp.json()["events"][:5]}


@tool
def invoice_link(order_id: str, region: str) -> str:
    """A download link for the order's invoice PDF, valid for 24 hours.

    Args:
        order_id: The order number.
        region: AWS region of the customer's data, from get_order.
    """
    s3 = invoices_bucket_client(region)
    return s3.generate_presigned_url(
        "get_object",
        Params={"Bucket": f"invoices-{region}", "Key": f"{order_id}.pdf"},
        ExpiresIn=86400,
    )
