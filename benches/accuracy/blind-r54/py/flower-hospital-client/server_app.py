"""ServerApp run by the SuperLink operator."""
from flwr.common import Context, Metrics, ndarrays_to_parameters
from flwr.server import ServerApp, ServerAppComponents, ServerConfig
from flwr.server.strategy import FedAvg
import numpy as np

from data import FEATURES


def weighted_auc(metrics: list[tuple[int, Metrics]]) -> Metrics:
    total = sum(n for n, _ in metrics)
    if total == 0:
        return {}
    return {"auc": sum(n * m["auc"] for n, m in metrics) / total}


def fit_config(server_round: int):
    return {"server_round": server_round}


def server_fn(context: Context) -> ServerAppComponents:
    initial = ndarrays_to_parameters(
        [np.zeros((1, len(FEATURES))), np.zeros(1)]
    )
    strategy = FedAvg(
        fraction_fit=float(context.run_config["fraction-fit"]),
        fraction_evaluate=1.0,
        min_fit_clients=3,
        min_available_clients=3,
        initial_parameters=initial,
        on_fit_config_fn=fit_config,
        on_evaluate_config_fn=fit_config,
        evaluate_metrics_aggregation_fn=weighted_auc,
    )
    config = ServerConfig(num_rounds=int(context.run_config["num-server-rounds"]))
    return ServerAppComponents(strategy=strategy, config=config)


app = ServerApp(server_fn=server_fn)
