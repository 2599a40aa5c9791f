from kedro.config import OmegaConfigLoader

from sales_forecast.hooks import ClientsHook

HOOKS = (ClientsHook(),)

CONFIG_LOADER_CLASS = OmegaConfigLoader
