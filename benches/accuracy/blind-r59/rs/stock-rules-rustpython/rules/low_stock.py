# Rule: alert the replenishment channel when a pick drops a SKU below its
# reorder point, and escalate repeated short picks from the same bin.
import warehouse


def _on_hand(evt):
    # The scanner bridge reports the remaining quantity after the pick.
    return evt["qty"]


def on_event(evt):
    if evt["kind"] == "pick":
        point = warehouse.reorder_point(evt["sku"])
        remaining = _on_hand(evt)
        if point and remaining <= point:
            warehouse.notify(
                "replenishment",
                "SKU %s at %d units (reorder point %d), bin %s"
                % (evt["sku"], remaining, point, evt["bin"]),
            )
        return

    if evt["kind"] == "short_pick":
        seen = warehouse.bump("short:" + evt["bin"], 1)
        if seen == 3:
            warehouse.notify(
                "floor-leads",
                "Bin %s had 3 short picks today (last by %s)"
                % (evt["bin"], evt["operator"] or "unknown"),
            )
        return

    if evt["kind"] == "cycle_count":
        warehouse.bump("counted:" + evt["sku"], 1)
