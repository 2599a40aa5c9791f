//! Billing schema. The application crates embed `MIGRATOR` and run it at
//! deploy time; the SQL functions are exercised by `tests/sql_cases.rs`.

pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");
