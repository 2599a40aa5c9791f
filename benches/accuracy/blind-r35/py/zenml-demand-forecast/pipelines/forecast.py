from zenml import pipeline

from steps.load import load_sales
from steps.publish import publish_forecast
from steps.train import forecast


@pipeline(enable_cache=False)
def demand_forecast(tenants: list[str], horizon: int = 8):
    for tenant in tenants:
        sales = load_sales(tenant=tenant, id=f"load_sales_{tenant}")
        predictions = forecast(sales=sales, horizon=horizon, id=f"forecast_{tenant}")
        publish_forecast(tenant=tenant, predictions=predictions, id=f"publish_{tenant}")
