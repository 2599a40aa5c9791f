import logging

import boto3
from kedro.framework.hooks import hook_impl
from sqlalchemy import create_engine

from sales_forecast import clients

log = logging.getLogger(__name__)


class ClientsHook:
    """Builds the warehouse engine and the S3 client once per Kedro session."""

    @hook_impl
    def after_context_created(self, context) -> None:
        creds = context.config_loader["credentials"]
        engine = create_engine(creds["warehouse"]["con"], pool_size=2, max_overflow=0, pool_pre_ping=True)
        s3 = boto3.client("s3", region_name=creds.get("aws", {}).get("region", "eu-west-1"))
        clients.register(engine=engine, s3=s3)
        log.info("warehouse engine and s3 client ready")

    @hook_impl
    def after_pipeline_run(self, run_params, run_result, pipeline, catalog) -> None:
        self._shutdown()

    @hook_impl
    def on_pipeline_error(self, error, run_params, pipeline, catalog) -> None:
        self._shutdown()

    def _shutdown(self) -> None:
        try:
            clients.engine().dispose()
            clients.s3().close()
        except RuntimeError:
            pass
        clients.clear()
