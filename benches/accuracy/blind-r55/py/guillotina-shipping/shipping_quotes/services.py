import httpx
from guillotina import app_settings, configure
from guillotina.api.service import Service
from guillotina.component import get_utility
from guillotina.interfaces import IContainer
from guillotina.response import HTTPBadGateway, HTTPNotFound, HTTPPreconditionFailed

from shipping_quotes.utility import IRatesUtility


def _rates() -> IRatesUtility:
    return get_utility(IRatesUtility)


def _shop_id(container) -> str:
    shop_id = container.id
    if not _rates().knows(shop_id):
        raise HTTPNotFound(content={"reason": f"no carrier account configured for {shop_id}"})
    return shop_id


@configure.service(
    context=IContainer,
    method="GET",
    permission="guillotina.AccessContent",
    name="@shipping-quote",
    summary="Carrier rate quotes for a parcel",
)
async def shipping_quote(context, request):
    shop_id = _shop_id(context)
    conf = app_settings["shipping_quotes"]
    try:
        weight_g = int(request.query.get("weight_g", "0"))
    except ValueError:
        raise HTTPPreconditionFailed(content={"reason": "weight_g must be an integer"})
    if not 0 < weight_g <= conf["max_weight_g"]:
        raise HTTPPreconditionFailed(content={"reason": "weight out of range"})
    destination = request.query.get("destination")
    if not destination:
        raise HTTPPreconditionFailed(content={"reason": "destination is required"})

    try:
        rates = await _rates().quote(
            shop_id, request.query.get("origin", conf["default_origin"]), destination, weight_g
        )
    except httpx.HTTPError as exc:
        raise HTTPBadGateway(content={"reason": f"carrier API error: {exc}"})
    return {"shop": shop_id, "rates": rates}


@configure.service(
    context=IContainer,
    method="POST",
    permission="guillotina.ModifyContent",
    name="@shipping-label",
    summary="Buy a shipping label",
)
class CreateShippingLabel(Service):
    async def __call__(self):
        shop_id = _shop_id(self.context)
        body = await self.request.json()
        missing = [f for f in ("rate_id", "recipient", "parcel") if f not in body]
        if missing:
            raise HTTPPreconditionFailed(content={"reason": f"missing fields: {', '.join(missing)}"})
        try:
            label = await _rates().create_label(shop_id, body)
        except httpx.HTTPError as exc:
            raise HTTPBadGateway(content={"reason": f"carrier API error: {exc}"})
        return {"shop": shop_id, "label_id": label["id"], "tracking": label.get("tracking_number")}


@configure.service(
    context=IContainer,
    method="DELETE",
    permission="guillotina.ManageAddons",
    name="@shipping-quote-cache",
    summary="Drop cached quotes for this shop",
)
async def clear_quote_cache(context, request):
    removed = await _rates().invalidate(_shop_id(context))
    return {"removed": removed}
