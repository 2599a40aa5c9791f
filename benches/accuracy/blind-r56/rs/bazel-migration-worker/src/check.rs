//! One `sql_migration_check` action: replay the migrations of a target inside a
//! throw-away schema on the shared scratch Postgres, then dump the resulting
//! columns as a stable snapshot file that downstream codegen rules consume.

use anyhow::{bail, Context};
use postgres::{Client, NoTls};
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::path::PathBuf;

use crate::registry;

pub struct CheckArgs {
    pub migrations: Vec<PathBuf>,
    pub snapshot_out: PathBuf,
    pub baseline: Option<String>,
}

impl CheckArgs {
    pub fn parse(args: &[String]) -> anyhow::Result<Self> {
        let mut migrations = Vec::new();
        let mut snapshot_out = None;
        let mut baseline = None;
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--migration" => migrations.push(PathBuf::from(it.next().context("--migration")?)),
                "--snapshot_out" => snapshot_out = Some(PathBuf::from(it.next().context("--snapshot_out")?)),
                "--baseline" => baseline = Some(it.next().context("--baseline")?.clone()),
                other => bail!("unknown flag {other}"),
            }
        }
        Ok(Self {
            migrations,
            snapshot_out: snapshot_out.context("--snapshot_out is required")?,
            baseline,
        })
    }
}

fn scratch_schema(args: &CheckArgs) -> String {
    let mut h = Sha256::new();
    for m in &args.migrations {
        h.update(m.to_string_lossy().as_bytes());
    }
    format!("bzl_{}", &hex::encode(h.finalize())[..16])
}

pub fn run(database_url: &str, args: &CheckArgs) -> anyhow::Result<String> {
    let schema = scratch_schema(args);
    let mut client = Client::connect(database_url, NoTls)
        .with_context(|| "connecting to scratch database")?;

    let mut tx = client.transaction()?;
    tx.batch_execute(&format!("CREATE SCHEMA {schema}; SET LOCAL search_path TO {schema}"))?;
    for path in &args.migrations {
        let sql = std::fs::read_to_string(path)
            .with_context(|| format!("reading {}", path.display()))?;
        tx.batch_execute(&sql)
            .with_context(|| format!("applying {}", path.display()))?;
    }

    let rows = tx.query(
        "SELECT table_name, column_name, data_type, is_nullable \
         FROM information_schema.columns WHERE table_schema = $1 \
         ORDER BY table_name, ordinal_position",
        &[&schema],
    )?;
    let mut snapshot = String::new();
    for row in &rows {
        let (t, c, ty, null): (String, String, String, String) = (row.get(0), row.get(1), row.get(2), row.get(3));
        writeln!(snapshot, "{t}.{c} {ty}{}", if null == "YES" { "?" } else { "" })?;
    }
    // Never keep anything on the shared scratch server.
    tx.rollback()?;

    let mut log = format!("{} migrations, {} columns\n", args.migrations.len(), rows.len());
    if let Some(name) = &args.baseline {
        let baseline = registry::fetch_baseline(name)?;
        if baseline != snapshot {
            log.push_str(&format!("schema drifted from registry baseline {name}\n"));
        }
    }
    std::fs::write(&args.snapshot_out, &snapshot)?;
    Ok(log)
}
