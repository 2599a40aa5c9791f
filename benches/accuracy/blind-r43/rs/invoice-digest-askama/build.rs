//! Generates `currencies.rs` (ISO code -> display name, minor units) at build
//! time. When `REFDATA_DATABASE_URL` is set (release builds in CI) the table is
//! read from the reference-data database; otherwise the checked-in CSV is used.
//! Runs once per `cargo build`.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

fn rows_from_db(url: &str) -> Result<Vec<(String, String, i32)>, postgres::Error> {
    let mut client = postgres::Client::connect(url, postgres::NoTls)?;
    let rows = client
        .query("SELECT code, name, minor_units FROM currencies WHERE active ORDER BY code", &[])?
        .into_iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    client.close()?;
    Ok(rows)
}

fn rows_from_csv() -> Vec<(String, String, i32)> {
    fs::read_to_string("data/currencies.csv")
        .expect("data/currencies.csv")
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut parts = line.split(',');
            Some((
                parts.next()?.to_owned(),
                parts.next()?.to_owned(),
                parts.next()?.trim().parse().ok()?,
            ))
        })
        .collect()
}

fn main() {
    println!("cargo:rerun-if-changed=data/currencies.csv");
    println!("cargo:rerun-if-env-changed=REFDATA_DATABASE_URL");

    let rows = match env::var("REFDATA_DATABASE_URL") {
        Ok(url) => rows_from_db(&url).expect("reading currencies from reference database"),
        Err(_) => rows_from_csv(),
    };

    let mut out = String::from("pub fn currency(code: &str) -> Option<(&'static str, u32)> {\n    match code {\n");
    for (code, name, minor) in &rows {
        writeln!(out, "        {code:?} => Some(({name:?}, {minor})),").unwrap();
    }
    out.push_str("        _ => None,\n    }\n}\n");

    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("currencies.rs");
    fs::write(dest, out).unwrap();
}
