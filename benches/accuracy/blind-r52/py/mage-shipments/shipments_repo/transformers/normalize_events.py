import pandas as pd

if 'transformer' not in globals():
    from mage_ai.data_preparation.decorators import transformer
if 'test' not in globals():
    from mage_ai.data_preparation.decorators import test

STATUS_MAP = {
    'PU': 'picked_up',
    'IT': 'in_transit',
    'OD': 'out_for_delivery',
    'DL': 'delivered',
    'EX': 'exception',
}


@transformer
def transform(df: pd.DataFrame, *args, **kwargs) -> pd.DataFrame:
    if df.empty:
        return df
    df = df.rename(columns={'trackingNumber': 'tracking_number', 'eventTime': 'event_time'})
    df['status'] = df['code'].map(STATUS_MAP).fillna('unknown')
    df['event_time'] = pd.to_datetime(df['event_time'], utc=True)
    df['carrier'] = df['carrier'].str.upper()
    df = df.drop_duplicates(subset=['tracking_number', 'event_time', 'status'])
    return df[['tracking_number', 'carrier', 'status', 'event_time', 'location']]


@test
def test_output(output, *args) -> None:
    assert output is not None, 'The output is undefined'
    assert set(output['status'].unique()) <= set(STATUS_MAP.values()) | {'unknown'}
