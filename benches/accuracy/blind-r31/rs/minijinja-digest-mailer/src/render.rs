//! Template environment. `build_env` runs once; the registered functions
//! run once per rendered digest and borrow connections from the shared pool.

use minijinja::{Environment, Error, ErrorKind, Value};
use serde::Serialize;

use crate::clients::PgPool;

#[derive(Serialize)]
struct OrderLine {
    number: String,
    status: String,
    total: String,
}

fn db_error(e: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::InvalidOperation, e.to_string())
}

pub fn build_env(pool: PgPool, agent: ureq::Agent, recs_url: String) -> anyhow::Result<Environment<'static>> {
    let mut env = Environment::new();
    env.add_template("digest.html", include_str!("../templates/digest.html"))?;

    let orders_pool = pool.clone();
    env.add_function("recent_orders", move |user_id: i64| -> Result<Value, Error> {
        let mut conn = orders_pool.get().map_err(db_error)?;
        let rows = conn
            .query(
                "SELECT number, status, to_char(total_cents / 100.0, 'FM999990.00')
                   FROM orders WHERE user_id = $1 AND created_at > now() - interval '7 days'
                  ORDER BY created_at DESC LIMIT 10",
                &[&user_id],
            )
            .map_err(db_error)?;
        let lines: Vec<OrderLine> = rows
            .iter()
            .map(|r| OrderLine { number: r.get(0), status: r.get(1), total: r.get(2) })
            .collect();
        Ok(Value::from_serialize(&lines))
    });

    env.add_function("recommendations", move |user_id: i64| -> Result<Value, Error> {
        let items: serde_json::Value = agent
            .get(&format!("{recs_url}/users/{user_id}/recommendations"))
            .query("limit", "4")
            .call()
            .map_err(db_error)?
            .into_json()
            .map_err(db_error)?;
        Ok(Value::from_serialize(&items))
    });

    Ok(env)
}
