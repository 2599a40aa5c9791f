"""Thin client for the parcel carrier's label API."""
import os

import requests

CARRIER_API = os.environ.get('CARRIER_API_URL', 'https://api.parcelco.example/v2')


def carrier_session():
    session = requests.Session()
    session.headers.update({
        'Authorization': 'Bearer ' + os.environ['CARRIER_API_TOKEN'],
        'Accept': 'application/json',
    })
    return session


def label_payload(shipment):
    address = shipment.delivery_address
    return {
        'reference': shipment.number,
        'recipient': {
            'name': shipment.customer.rec_name,
            'street': address.street,
            'postal_code': address.postal_code,
            'city': address.city,
            'country': address.country.code if address.country else None,
        },
        'parcels': [{'weight_kg': float(shipment.weight or 1)}],
    }
