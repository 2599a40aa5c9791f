//! Puppet ENC: `cmdb-enc <certname>` -> YAML node definition on stdout.
//! One short-lived process per catalog compilation.

mod changes;
mod cmdb;

use std::collections::BTreeMap;
use std::process::ExitCode;

use serde::Serialize;

#[derive(Serialize)]
struct NodeDefinition {
    environment: String,
    classes: BTreeMap<String, Option<()>>,
    parameters: BTreeMap<String, serde_json::Value>,
}

fn main() -> ExitCode {
    let Some(certname) = std::env::args().nth(1) else {
        eprintln!("usage: cmdb-enc <certname>");
        return ExitCode::from(2);
    };
    match run(&certname) {
        Ok(yaml) => {
            print!("{yaml}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cmdb-enc: {certname}: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(certname: &str) -> Result<String, Box<dyn std::error::Error>> {
    let db_url = std::env::var("CMDB_DB_URL")
        .unwrap_or_else(|_| "host=cmdb-ro.internal user=puppet_enc dbname=cmdb connect_timeout=3".into());
    let changes = changes::ChangeApi::new(
        std::env::var("CHANGE_API").unwrap_or_else(|_| "https://change.internal/api".into()),
        &std::env::var("CHANGE_API_TOKEN")?,
    )?;

    let mut db = cmdb::connect(&db_url)?;
    let result = (|| -> Result<String, Box<dyn std::error::Error>> {
        let node = cmdb::node(&mut db, certname)?.ok_or("node not in CMDB (or decommissioned)")?;

        let mut classes = BTreeMap::new();
        for class in cmdb::classes_for_role(&mut db, &node.role)? {
            classes.insert(class, None);
        }

        let mut parameters = cmdb::parameters(&mut db, certname)?;
        let (frozen, change_id) = changes.window(certname);
        parameters.insert("cmdb_role".into(), node.role.clone().into());
        parameters.insert("cmdb_datacenter".into(), node.datacenter.into());
        parameters.insert("cmdb_tier".into(), node.tier.into());
        parameters.insert("change_freeze".into(), frozen.into());
        if let Some(id) = change_id {
            parameters.insert("change_id".into(), id.into());
        }

        Ok(serde_yaml::to_string(&NodeDefinition {
            environment: node.environment,
            classes,
            parameters,
        })?)
    })();
    db.close()?;
    result
}
