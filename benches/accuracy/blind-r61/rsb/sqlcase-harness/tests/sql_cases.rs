//! Data-driven regression cases for the billing SQL. Every file in
//! tests/cases is one trial: `-- setup` statements, one `-- query`, and the
//! `-- expect`ed rows (columns joined with '|', queries cast to text).
//! Each trial runs inside a transaction that is rolled back, so cases never
//! see each other's rows and can run in parallel.

use std::path::Path;
use std::sync::Arc;

use libtest_mimic::{Arguments, Failed, Trial};
use sqlx::postgres::{PgPool, PgPoolOptions, PgRow};
use sqlx::Row;

struct Case {
    name: String,
    setup: String,
    query: String,
    expected: Vec<String>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Arguments::from_args();
    let cases = load_cases(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases").as_path())?;

    let rt = Arc::new(
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()?,
    );
    let url = std::env::var("TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres:postgres@localhost:5432/billing_test".into());
    let pool = rt.block_on(async {
        let pool = PgPoolOptions::new().max_connections(8).connect(&url).await?;
        billing_sql::MIGRATOR.run(&pool).await?;
        Ok::<_, Box<dyn std::error::Error>>(pool)
    })?;

    let trials = cases
        .into_iter()
        .map(|case| {
            let rt = Arc::clone(&rt);
            let pool = pool.clone();
            Trial::test(case.name.clone(), move || rt.block_on(run_case(&pool, &case)))
        })
        .collect();

    libtest_mimic::run(&args, trials).exit();
}

async fn run_case(pool: &PgPool, case: &Case) -> Result<(), Failed> {
    let mut tx = pool.begin().await?;
    sqlx::raw_sql(&case.setup).execute(&mut *tx).await?;
    let rows = sqlx::query(&case.query).fetch_all(&mut *tx).await?;
    tx.rollback().await?;

    let actual: Vec<String> = rows.iter().map(render_row).collect::<Result<_, _>>()?;
    if actual != case.expected {
        return Err(format!("expected {:?}\n     got {:?}", case.expected, actual).into());
    }
    Ok(())
}

fn render_row(row: &PgRow) -> Result<String, sqlx::Error> {
    let mut cols = Vec::with_capacity(row.len());
    for i in 0..row.len() {
        let v: Option<String> = row.try_get(i)?;
        cols.push(v.unwrap_or_else(|| "NULL".into()));
    }
    Ok(cols.join("|"))
}

fn load_cases(dir: &Path) -> std::io::Result<Vec<Case>> {
    let mut cases = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("sql") {
            continue;
        }
        let text = std::fs::read_to_string(&path)?;
        let (mut setup, mut query, mut expected) = (String::new(), String::new(), Vec::new());
        let mut section = "";
        for line in text.lines() {
            match line.trim() {
                "-- setup" | "-- query" | "-- expect" => section = line.trim(),
                l if l.is_empty() => {}
                l => match section {
                    "-- setup" => { setup.push_str(l); setup.push('\n'); }
                    "-- query" => { query.push_str(l); query.push('\n'); }
                    "-- expect" => expected.push(l.to_string()),
                    _ => {}
                },
            }
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        cases.push(Case { name, setup, query, expected });
    }
    Ok(cases)
}
