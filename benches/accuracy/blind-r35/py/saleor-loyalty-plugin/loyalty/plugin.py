import json
import logging
import os
from typing import Any

import boto3
import requests
from saleor.plugins.base_plugin import BasePlugin, ConfigurationTypeField

from . import points
from .cache import balance_key, redis_client

logger = logging.getLogger(__name__)

CRM_URL = os.environ.get("LOYALTY_CRM_URL", "https://crm.internal.example.com")
GDPR_QUEUE_URL = os.environ.get("LOYALTY_GDPR_QUEUE_URL", "")


class LoyaltyPlugin(BasePlugin):
    PLUGIN_ID = "acme.loyalty"
    PLUGIN_NAME = "Loyalty points"
    PLUGIN_DESCRIPTION = "Awards loyalty points for paid orders and syncs them to the CRM."
    DEFAULT_ACTIVE = True
    CONFIGURATION_PER_CHANNEL = False
    DEFAULT_CONFIGURATION = [
        {"name": "points_per_unit", "value": "1"},
        {"name": "crm_token", "value": ""},
    ]
    CONFIG_STRUCTURE = {
        "points_per_unit": {
            "type": ConfigurationTypeField.STRING,
            "label": "Points per currency unit",
        },
        "crm_token": {
            "type": ConfigurationTypeField.SECRET,
            "label": "CRM API token",
        },
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        config = {item["name"]: item["value"] for item in self.configuration}
        self.points_per_unit = int(config.get("points_per_unit") or 1)
        self.crm = requests.Session()
        self.crm.headers.update(
            {
                "Authorization": f"Bearer {config.get('crm_token') or ''}",
                "User-Agent": "saleor-loyalty/0.4",
            }
        )

    def order_fully_paid(self, order, previous_value: Any, **kwargs) -> Any:
        if not self.active or order.user_id is None:
            return previous_value
        earned = points.award_points(
            order.user_id, order.total_gross_amount, self.points_per_unit, str(order.pk)
        )
        if earned:
            redis_client.delete(balance_key(order.user_id))
            self.crm.post(
                f"{CRM_URL}/v1/events",
                json={"type": "points_earned", "customer": str(order.user_id), "points": earned},
                timeout=5,
            )
        return previous_value

    def customer_updated(self, customer, previous_value: Any, **kwargs) -> Any:
        if not self.active:
            return previous_value
        cached = redis_client.get(balance_key(customer.pk))
        balance = int(cached) if cached is not None else points.balance(customer.pk)
        redis_client.set(balance_key(customer.pk), balance, ex=600)
        self.crm.patch(
            f"{CRM_URL}/v1/customers/{customer.pk}",
            json={"email": customer.email, "loyalty_balance": balance},
            timeout=5,
        )
        return previous_value

    def customer_deleted(self, customer, previous_value: Any, **kwargs) -> Any:
        if not self.active:
            return previous_value
        points.forget_customer(customer.pk)
        redis_client.delete(balance_key(customer.pk))
        sqs = boto3.client("sqs", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
        sqs.send_message(
            QueueUrl=GDPR_QUEUE_URL,
            MessageBody=json.dumps({"system": "loyalty", "customer_id": customer.pk}),
        )
        logger.info("Loyalty data erased for customer %s", customer.pk)
        return previous_value
