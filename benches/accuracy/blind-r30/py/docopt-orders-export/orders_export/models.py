from tortoise import fields
from tortoise.models import Model


class Order(Model):
    id = fields.IntField(pk=True)
    number = fields.CharField(max_length=32, unique=True)
    customer_email = fields.CharField(max_length=255)
    total_cents = fields.IntField()
    currency = fields.CharField(max_length=3)
    status = fields.CharField(max_length=16)
    created_at = fields.DatetimeField()

    class Meta:
        table = "shop_order"
