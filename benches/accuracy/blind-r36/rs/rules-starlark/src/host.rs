use std::cell::RefCell;

use mysql::prelude::*;
use starlark::any::ProvidesStaticType;
use starlark::environment::GlobalsBuilder;
use starlark::eval::Evaluator;
use starlark::starlark_module;
use starlark::values::none::NoneType;

/// Everything the rule host functions may touch. Built once in main and lent to
/// each evaluation through `Evaluator::extra`.
#[derive(ProvidesStaticType)]
pub struct Host {
    pub pool: mysql::Pool,
    pub agent: ureq::Agent,
    pub hold_url: String,
    pub holds: RefCell<Vec<String>>,
}

#[starlark_module]
pub fn host_functions(builder: &mut GlobalsBuilder) {
    fn credit_limit(customer_id: &str, eval: &mut Evaluator) -> anyhow::Result<i32> {
        let host = eval.extra.unwrap().downcast_ref::<Host>().unwrap();
        let mut conn = host.pool.get_conn()?;
        let limit: Option<i32> =
            conn.exec_first("SELECT credit_limit_cents FROM customers WHERE id = ?", (customer_id,))?;
        Ok(limit.unwrap_or(0))
    }

    fn open_balance(customer_id: &str, eval: &mut Evaluator) -> anyhow::Result<i32> {
        let host = eval.extra.unwrap().downcast_ref::<Host>().unwrap();
        let mut conn = host.pool.get_conn()?;
        let balance: Option<i32> = conn.exec_first(
            "SELECT COALESCE(SUM(outstanding_cents), 0) FROM invoices WHERE customer_id = ? AND status = 'open'",
            (customer_id,),
        )?;
        Ok(balance.unwrap_or(0))
    }

    fn hold(order_id: &str, reason: &str, eval: &mut Evaluator) -> anyhow::Result<NoneType> {
        let host = eval.extra.unwrap().downcast_ref::<Host>().unwrap();
        host.agent
            .post(&host.hold_url)
            .send_json(serde_json::json!({ "order_id": order_id, "reason": reason }))?;
        host.holds.borrow_mut().push(reason.to_string());
        Ok(NoneType)
    }
}
