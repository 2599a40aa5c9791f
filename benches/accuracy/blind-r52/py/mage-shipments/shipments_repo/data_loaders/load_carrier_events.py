import os
from datetime import datetime, timedelta, timezone

import pandas as pd
import requests

if 'data_loader' not in globals():
    from mage_ai.data_preparation.decorators import data_loader
if 'test' not in globals():
    from mage_ai.data_preparation.decorators import test

CARRIER_API = os.getenv('CARRIER_API_URL', 'https://api.carrierhub.example/v2')
PAGE_SIZE = 500


@data_loader
def load_data(*args, **kwargs):
    """Pull tracking events updated since the previous trigger run."""
    since = kwargs.get('execution_date') or datetime.now(timezone.utc)
    since = since - timedelta(minutes=20)

    http = requests.Session()
    http.headers.update({'Authorization': f"Bearer {os.environ['CARRIER_API_TOKEN']}"})

    rows = []
    cursor = None
    while True:
        params = {'updated_since': since.isoformat(), 'limit': PAGE_SIZE}
        if cursor:
            params['cursor'] = cursor
        resp = http.get(f'{CARRIER_API}/tracking-events', params=params, timeout=30)
        resp.raise_for_status()
        body = resp.json()
        rows.extend(body['events'])
        cursor = body.get('next_cursor')
        if not cursor:
            break

    return pd.DataFrame(rows)


@test
def test_output(output, *args) -> None:
    assert output is not None, 'The output is undefined'
    if not output.empty:
        assert 'tracking_number' in output.columns
