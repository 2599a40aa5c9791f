from datetime import timedelta

from temporalio import workflow
from temporalio.common import RetryPolicy

with workflow.unsafe.imports_passed_through():
    from activities import LedgerActivities, charge_card, send_receipt_email, store_receipt
    from models import ChargeRequest, Receipt


@workflow.defn
class PaymentWorkflow:
    @workflow.run
    async def run(self, req: ChargeRequest) -> str:
        opts = {"start_to_close_timeout": timedelta(seconds=30), "retry_policy": RetryPolicy(maximum_attempts=5)}
        held = await workflow.execute_activity_method(LedgerActivities.reserve_funds, req, **opts)
        if not held:
            return "duplicate"
        try:
            charge_id = await workflow.execute_activity(charge_card, req, **opts)
        except Exception:
            await workflow.execute_activity_method(LedgerActivities.release_funds, req, **opts)
            raise
        receipt = Receipt(req.order_id, charge_id, req.amount_cents, req.currency, req.email)
        await workflow.execute_activity(store_receipt, receipt, **opts)
        await workflow.execute_activity(send_receipt_email, receipt, **opts)
        return charge_id
