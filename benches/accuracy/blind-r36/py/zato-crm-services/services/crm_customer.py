# -*- coding: utf-8 -*-
"""CRM customer services (hot-deployed into Zato 3.2)."""

import os
import threading
from contextlib import closing
from json import dumps, loads

import redis
from sqlalchemy import text
from zato.server.service import Service

CACHE_TTL = 120

_redis = None
_redis_lock = threading.Lock()


def customer_cache():
    """One redis-py client (and connection pool) per server process."""
    global _redis
    if _redis is None:
        with _redis_lock:
            if _redis is None:
                _redis = redis.Redis.from_url(
                    os.environ.get('CRM_CACHE_URL', 'redis://redis-crm.internal:6379/4'),
                    socket_timeout=2,
                )
    return _redis


CUSTOMER_SQL = text(
    'SELECT id, name, email, tier FROM customer WHERE id = :customer_id'
)
UPDATE_TIER_SQL = text(
    'UPDATE customer SET tier = :tier, tier_changed_at = now() WHERE id = :customer_id'
)


class GetCustomer(Service):
    """Returns a customer together with their current billing balance."""
    name = 'crm.customer.get'

    class SimpleIO:
        input_required = ('customer_id',)
        output_optional = ('id', 'name', 'email', 'tier', 'balance')

    def handle(self):
        customer_id = self.request.input.customer_id
        cache = customer_cache()

        cached = cache.get('crm:customer:%s' % customer_id)
        if cached:
            self.response.payload = loads(cached)
            return

        with closing(self.outgoing.sql.get('CRM').session()) as session:
            row = session.execute(CUSTOMER_SQL, {'customer_id': customer_id}).mappings().first()

        if row is None:
            self.response.status_code = 404
            return

        billing = self.out.rest['Billing API'].conn
        balance = billing.get(self.cid, {'customer_id': customer_id})

        payload = dict(row)
        payload['balance'] = balance.data.get('balance')
        cache.setex('crm:customer:%s' % customer_id, CACHE_TTL, dumps(payload, default=str))
        self.response.payload = payload


class UpdateTier(Service):
    """Changes a customer's tier and tells the rest of the platform about it."""
    name = 'crm.customer.update-tier'

    class SimpleIO:
        input_required = ('customer_id', 'tier')

    def handle(self):
        customer_id = self.request.input.customer_id
        tier = self.request.input.tier

        with closing(self.outgoing.sql.get('CRM').session()) as session:
            session.execute(UPDATE_TIER_SQL, {'customer_id': customer_id, 'tier': tier})
            session.commit()

        customer_cache().delete('crm:customer:%s' % customer_id)
        self.pubsub.publish('/crm/customer/tier-changed',
                            data=dumps({'customer_id': customer_id, 'tier': tier}))
        self.invoke('crm.customer.get', {'customer_id': customer_id})
