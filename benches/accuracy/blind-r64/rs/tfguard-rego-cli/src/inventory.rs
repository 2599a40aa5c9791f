use std::sync::{Arc, Mutex};

use postgres::{Client, NoTls};
use regorus::{Engine, Value};

pub fn connect() -> anyhow::Result<Client> {
    let url = std::env::var("CMDB_DATABASE_URL")?;
    Ok(Client::connect(&url, NoTls)?)
}

/// Rego builtins backed by the CMDB:
///   inventory.owner(module_address)        -> owning team slug or ""
///   inventory.budget_remaining(team_slug)  -> number (EUR this quarter)
pub fn register(engine: &mut Engine, cmdb: Arc<Mutex<Client>>) -> anyhow::Result<()> {
    let db = cmdb.clone();
    engine.add_extension(
        "inventory.owner".to_string(),
        1,
        Box::new(move |params: Vec<Value>| {
            let module = params[0].as_string()?.to_string();
            let mut client = db.lock().map_err(|_| anyhow::anyhow!("cmdb mutex poisoned"))?;
            let row = client.query_opt(
                "SELECT team_slug FROM terraform_modules WHERE module_address = $1",
                &[&module],
            )?;
            Ok(Value::from(row.map(|r| r.get::<_, String>(0)).unwrap_or_default()))
        }),
    )?;

    let db = cmdb;
    engine.add_extension(
        "inventory.budget_remaining".to_string(),
        1,
        Box::new(move |params: Vec<Value>| {
            let team = params[0].as_string()?.to_string();
            let mut client = db.lock().map_err(|_| anyhow::anyhow!("cmdb mutex poisoned"))?;
            let row = client.query_one(
                "SELECT coalesce(sum(budget_eur - spent_eur), 0)::float8 FROM team_budgets \
                 WHERE team_slug = $1 AND quarter = date_trunc('quarter', now())",
                &[&team],
            )?;
            Ok(Value::from(row.get::<_, f64>(0)))
        }),
    )?;
    Ok(())
}
