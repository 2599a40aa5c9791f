"""Custom GX 1.x checkpoint actions, run after every checkpoint run."""
import os
from typing import Literal

from great_expectations.checkpoint import ActionContext, CheckpointResult, ValidationAction
from sqlalchemy import text

from gx_runner.clients import http_session, results_engine

INSERT_RESULT = text(
    "INSERT INTO dq_results (checkpoint, suite, run_time, success, evaluated, successful, success_pct)"
    " VALUES (:checkpoint, :suite, :run_time, :success, :evaluated, :successful, :success_pct)"
)


class StoreResultsInPostgres(ValidationAction):
    type: Literal["store_results_in_postgres"] = "store_results_in_postgres"

    def run(self, checkpoint_result: CheckpointResult, action_context: ActionContext | None = None) -> dict:
        rows = []
        for result in checkpoint_result.run_results.values():
            stats = result.statistics
            rows.append(
                {
                    "checkpoint": checkpoint_result.checkpoint_config.name,
                    "suite": result.suite_name,
                    "run_time": checkpoint_result.run_id.run_time,
                    "success": result.success,
                    "evaluated": stats.get("evaluated_expectations"),
                    "successful": stats.get("successful_expectations"),
                    "success_pct": stats.get("success_percent"),
                }
            )
        with results_engine().begin() as conn:
            conn.execute(INSERT_RESULT, rows)
        return {"stored": len(rows)}


class NotifyOpsWebhook(ValidationAction):
    type: Literal["notify_ops_webhook"] = "notify_ops_webhook"
    webhook_env: str = "DQ_OPS_WEBHOOK"

    def run(self, checkpoint_result: CheckpointResult, action_context: ActionContext | None = None) -> dict:
        if checkpoint_result.success:
            return {"notified": False}
        failed = [r.suite_name for r in checkpoint_result.run_results.values() if not r.success]
        resp = http_session().post(
            os.environ[self.webhook_env],
            json={"text": f"DQ checkpoint {checkpoint_result.checkpoint_config.name} failed: {', '.join(failed)}"},
            timeout=10,
        )
        return {"notified": resp.ok}
