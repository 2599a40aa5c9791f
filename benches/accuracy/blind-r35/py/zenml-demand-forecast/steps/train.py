import pandas as pd
from sklearn.linear_model import Ridge
from zenml import step


@step
def forecast(sales: pd.DataFrame, horizon: int = 8) -> pd.DataFrame:
    rows = []
    for sku, frame in sales.groupby("sku"):
        frame = frame.sort_values("week_start").reset_index(drop=True)
        if len(frame) < 12:
            continue
        x = frame.index.to_numpy().reshape(-1, 1)
        model = Ridge(alpha=1.0).fit(x, frame["units"].to_numpy())
        future = [[len(frame) + h] for h in range(horizon)]
        for h, units in enumerate(model.predict(future)):
            rows.append({"sku": sku, "week_ahead": h + 1, "units": max(0.0, float(units))})
    return pd.DataFrame(rows)
