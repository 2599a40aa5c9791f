"""ClientApp run by each hospital's SuperNode.

Flower calls client_fn for every message the SuperLink sends to this node
(every fit and evaluate instruction of every round).
"""
import warnings

import numpy as np
import requests
from flwr.client import ClientApp, NumPyClient
from flwr.common import Context
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score

from data import FEATURES, load_admissions, make_engine

AUDIT_URL = "https://fl-audit.regional-health.example/api/v1/rounds"


def _new_model(local_epochs: int) -> LogisticRegression:
    model = LogisticRegression(max_iter=local_epochs, warm_start=True, solver="lbfgs")
    model.classes_ = np.array([0, 1])
    model.coef_ = np.zeros((1, len(FEATURES)))
    model.intercept_ = np.zeros(1)
    return model


class HospitalClient(NumPyClient):
    def __init__(self, site, model, train, val):
        self.site = site
        self.model = model
        self.x_train, self.y_train = train
        self.x_val, self.y_val = val

    def _set(self, parameters):
        self.model.coef_ = parameters[0]
        self.model.intercept_ = parameters[1]

    def get_parameters(self, config):
        return [self.model.coef_, self.model.intercept_]

    def fit(self, parameters, config):
        self._set(parameters)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.model.fit(self.x_train, self.y_train)

        audit = requests.Session()
        audit.headers["X-Site"] = self.site
        audit.post(
            AUDIT_URL,
            json={"site": self.site, "round": config.get("server_round"),
                  "num_examples": len(self.x_train)},
            timeout=10,
        )
        return self.get_parameters(config), len(self.x_train), {}

    def evaluate(self, parameters, config):
        self._set(parameters)
        proba = self.model.predict_proba(self.x_val)
        loss = log_loss(self.y_val, proba, labels=[0, 1])
        auc = roc_auc_score(self.y_val, proba[:, 1])
        return float(loss), len(self.x_val), {"auc": float(auc)}


def client_fn(context: Context):
    site = context.node_config["site"]
    engine = make_engine(context.node_config["db-url"])
    train, val = load_admissions(engine)
    model = _new_model(int(context.run_config["local-epochs"]))
    return HospitalClient(site, model, train, val).to_client()


app = ClientApp(client_fn=client_fn)
