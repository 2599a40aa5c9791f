//! munin-node executes this binary once per poll (every 5 minutes) with
//! either no argument (fetch), `config`, or `autoconf`. Each run is a
//! separate short-lived process.
use std::env;
use std::process::ExitCode;
use std::time::Duration;

use postgres::{Client, Config, NoTls};

struct Standby {
    field: String,
    name: String,
    lag_seconds: f64,
}

fn connect() -> Result<Client, postgres::Error> {
    let mut config = Config::new();
    config
        .host(&env::var("PGHOST").unwrap_or_else(|_| "/run/postgresql".into()))
        .user(&env::var("PGUSER").unwrap_or_else(|_| "postgres".into()))
        .dbname(&env::var("PGDATABASE").unwrap_or_else(|_| "postgres".into()))
        .application_name("munin_pg_replication_lag")
        .connect_timeout(Duration::from_secs(5));
    config.connect(NoTls)
}

fn standbys(client: &mut Client) -> Result<Vec<Standby>, postgres::Error> {
    let rows = client.query(
        "SELECT application_name, \
                COALESCE(EXTRACT(EPOCH FROM replay_lag), 0)::float8 \
           FROM pg_stat_replication \
          ORDER BY application_name",
        &[],
    )?;
    Ok(rows
        .iter()
        .map(|row| {
            let name: String = row.get(0);
            let field = name
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect();
            Standby { field, name, lag_seconds: row.get(1) }
        })
        .collect())
}

fn print_config(list: &[Standby]) {
    let warning = env::var("warning").unwrap_or_else(|_| "30".into());
    let critical = env::var("critical").unwrap_or_else(|_| "120".into());
    println!("graph_title PostgreSQL replication lag");
    println!("graph_vlabel seconds");
    println!("graph_category postgresql");
    println!("graph_args --base 1000 -l 0");
    for s in list {
        println!("{}.label {}", s.field, s.name);
        println!("{}.warning {warning}", s.field);
        println!("{}.critical {critical}", s.field);
    }
}

fn main() -> ExitCode {
    let mode = env::args().nth(1).unwrap_or_default();

    let mut client = match connect() {
        Ok(client) => client,
        Err(err) => {
            if mode == "autoconf" {
                println!("no (cannot connect: {err})");
                return ExitCode::SUCCESS;
            }
            eprintln!("pg_replication_lag: {err}");
            return ExitCode::FAILURE;
        }
    };

    let result = standbys(&mut client).map(|list| match mode.as_str() {
        "autoconf" => println!("yes"),
        "config" => print_config(&list),
        _ => {
            for s in &list {
                println!("{}.value {:.3}", s.field, s.lag_seconds);
            }
        }
    });

    let closed = client.close();
    match (result, closed) {
        (Ok(()), Ok(())) => ExitCode::SUCCESS,
        (Err(err), _) | (_, Err(err)) => {
            eprintln!("pg_replication_lag: {err}");
            ExitCode::FAILURE
        }
    }
}
