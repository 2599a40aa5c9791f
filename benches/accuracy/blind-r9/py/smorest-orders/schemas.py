from marshmallow import Schema, fields


class OrderSchema(Schema):
    id = fields.Int(dump_only=True)
    customer_id = fields.Int(required=True)
    total_cents = fields.Int(required=True)
    status = fields.Str(dump_only=True)


class ShipmentSchema(Schema):
    carrier = fields.Str(required=True)
    tracking_number = fields.Str(dump_only=True)
