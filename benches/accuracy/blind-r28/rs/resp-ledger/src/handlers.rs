use std::time::Duration;

use redcon::Conn;
use serde_json::json;

use crate::Ledger;

/// Called by redcon once for every command a terminal sends.
pub fn dispatch(conn: &mut Conn, ledger: &Ledger, args: Vec<Vec<u8>>) {
    let name = String::from_utf8_lossy(&args[0]).to_ascii_uppercase();
    let result = match name.as_str() {
        "PING" => {
            conn.write_string("PONG");
            Ok(())
        }
        "WBALANCE" => balance(conn, ledger, &args),
        "WTRANSFER" => transfer(conn, ledger, &args),
        "WNOTIFY" => notify(conn, ledger, &args),
        _ => {
            conn.write_error(&format!("ERR unknown command '{}'", name));
            Ok(())
        }
    };
    if let Err(err) = result {
        conn.write_error(&format!("ERR {}", err));
    }
}

fn arg(args: &[Vec<u8>], i: usize) -> Result<String, String> {
    args.get(i)
        .map(|a| String::from_utf8_lossy(a).into_owned())
        .ok_or_else(|| format!("wrong number of arguments (missing #{})", i))
}

fn balance(conn: &mut Conn, ledger: &Ledger, args: &[Vec<u8>]) -> Result<(), String> {
    let account = arg(args, 1)?;
    let mut db = ledger.pool.get().map_err(|e| e.to_string())?;
    let row = db
        .query_opt(
            "SELECT balance_cents FROM wallets WHERE account_id = $1",
            &[&account],
        )
        .map_err(|e| e.to_string())?;
    match row {
        Some(row) => conn.write_integer(row.get::<_, i64>(0)),
        None => conn.write_null(),
    }
    Ok(())
}

fn transfer(conn: &mut Conn, ledger: &Ledger, args: &[Vec<u8>]) -> Result<(), String> {
    let from = arg(args, 1)?;
    let to = arg(args, 2)?;
    let cents: i64 = arg(args, 3)?
        .parse()
        .map_err(|_| "amount must be an integer number of cents".to_string())?;
    let terminal = arg(args, 4).unwrap_or_else(|_| "unknown".to_string());

    let mut db = ledger.pool.get().map_err(|e| e.to_string())?;
    db.batch_execute("BEGIN").map_err(|e| e.to_string())?;
    let debited = db
        .execute(
            "UPDATE wallets SET balance_cents = balance_cents - $2 \
             WHERE account_id = $1 AND balance_cents >= $2",
            &[&from, &cents],
        )
        .map_err(|e| e.to_string())?;
    if debited == 0 {
        return Err("insufficient funds".to_string());
    }
    db.execute(
        "UPDATE wallets SET balance_cents = balance_cents + $2 WHERE account_id = $1",
        &[&to, &cents],
    )
    .map_err(|e| e.to_string())?;
    db.execute(
        "INSERT INTO wallet_transfers (from_account, to_account, amount_cents, terminal) \
         VALUES ($1, $2, $3, $4)",
        &[&from, &to, &cents, &terminal],
    )
    .map_err(|e| e.to_string())?;
    db.batch_execute("COMMIT").map_err(|e| e.to_string())?;

    conn.write_string("OK");
    Ok(())
}

fn notify(conn: &mut Conn, ledger: &Ledger, args: &[Vec<u8>]) -> Result<(), String> {
    let account = arg(args, 1)?;
    let message = arg(args, 2)?;

    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(3))
        .user_agent("resp-ledger/0.3")
        .build()
        .map_err(|e| e.to_string())?;
    http.post(&ledger.webhook_url)
        .json(&json!({ "account": account, "message": message }))
        .send()
        .and_then(|r| r.error_for_status())
        .map_err(|e| e.to_string())?;

    conn.write_integer(1);
    Ok(())
}
