from mongoengine import DateTimeField, Document, ListField, StringField, DictField


class Shipment(Document):
    tracking_no = StringField(required=True, unique=True)
    status = StringField(default="created")
    carrier = StringField()
    history = ListField(DictField())
    updated_at = DateTimeField()

    meta = {"collection": "shipments", "indexes": ["tracking_no", "status"]}
