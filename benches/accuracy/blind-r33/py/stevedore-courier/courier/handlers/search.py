class SearchIndexHandler:
    def __init__(self, services):
        self.parcels = services.weaviate.collections.get("Parcel")

    def handle(self, ctx):
        if ctx.kind != "created":
            return
        self.parcels.data.insert(
            properties={
                "tracking_no": ctx.tracking_no,
                "recipient": ctx.payload.get("recipient", ""),
                "address": ctx.payload.get("address", ""),
                "notes": ctx.payload.get("notes", ""),
            }
        )
