use std::error::Error;
use std::time::{Duration, Instant};

use serde::Deserialize;

use crate::{audit, db, ConsoleState};

type CmdResult = Result<(), Box<dyn Error>>;

fn arg<'a>(args: &'a [String], idx: usize, usage: &str) -> Result<&'a str, Box<dyn Error>> {
    args.get(idx)
        .map(String::as_str)
        .ok_or_else(|| format!("usage: {usage}").into())
}

pub fn invoice(state: &mut ConsoleState, args: Vec<String>) -> CmdResult {
    let id: i64 = arg(&args, 1, "invoice <id>")?.parse()?;
    audit::record(&state.operator, "invoice", &args);
    state.commands_run += 1;

    let mut conn = db::pool().get()?;
    let row = conn.query_one(
        "SELECT number, customer_email, total_cents, refunded_cents, status FROM invoices WHERE id = $1",
        &[&id],
    )?;
    let number: String = row.get(0);
    let email: String = row.get(1);
    println!(
        "{number}  {email}  total {}  refunded {}  [{}]",
        db::cents(row.get(2)),
        db::cents(row.get(3)),
        row.get::<_, String>(4)
    );
    Ok(())
}

pub fn customer(state: &mut ConsoleState, args: Vec<String>) -> CmdResult {
    let email = arg(&args, 1, "customer <email>")?;
    audit::record(&state.operator, "customer", &args);
    state.commands_run += 1;

    let mut conn = db::pool().get()?;
    for row in conn.query(
        "SELECT id, number, total_cents, status FROM invoices \
         WHERE customer_email = $1 AND status <> 'paid' ORDER BY issued_at DESC LIMIT 20",
        &[&email],
    )? {
        println!("{:>8}  {}  {}  {}", row.get::<_, i64>(0), row.get::<_, String>(1), db::cents(row.get(2)), row.get::<_, String>(3));
    }
    Ok(())
}

pub fn refund(state: &mut ConsoleState, args: Vec<String>) -> CmdResult {
    let id: i64 = arg(&args, 1, "refund <id> <cents> <reason...>")?.parse()?;
    let amount: i64 = arg(&args, 2, "refund <id> <cents> <reason...>")?.parse()?;
    let reason = args.get(3..).map(|r| r.join(" ")).unwrap_or_default();
    audit::record(&state.operator, "refund", &args);
    state.commands_run += 1;

    let mut conn = db::pool().get()?;
    let mut tx = conn.transaction()?;
    let updated = tx.execute(
        "UPDATE invoices SET refunded_cents = refunded_cents + $2 \
         WHERE id = $1 AND refunded_cents + $2 <= total_cents",
        &[&id, &amount],
    )?;
    if updated == 0 {
        return Err("refund exceeds invoice total (nothing changed)".into());
    }
    tx.execute(
        "INSERT INTO refunds (invoice_id, amount_cents, reason, operator) VALUES ($1, $2, $3, $4)",
        &[&id, &amount, &reason, &state.operator],
    )?;
    tx.commit()?;
    println!("refunded {} on invoice {id}", db::cents(amount));
    Ok(())
}

#[derive(Debug, Deserialize)]
struct PaymentIntent {
    status: String,
    amount_received: i64,
}

pub fn watch(state: &mut ConsoleState, args: Vec<String>) -> CmdResult {
    let invoice_id: i64 = arg(&args, 1, "watch <invoice-id>")?.parse()?;
    audit::record(&state.operator, "watch", &args);
    state.commands_run += 1;

    let mut conn = db::pool().get()?;
    let intent_id: String = conn
        .query_one("SELECT psp_intent_id FROM invoices WHERE id = $1", &[&invoice_id])?
        .get(0);
    drop(conn);

    let deadline = Instant::now() + Duration::from_secs(300);
    loop {
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()?;
        let intent: PaymentIntent = http
            .get(format!("{}/v1/payment_intents/{intent_id}", state.psp_base_url))
            .bearer_auth(&state.psp_api_key)
            .send()?
            .error_for_status()?
            .json()?;
        println!("{intent_id}: {} ({} received)", intent.status, db::cents(intent.amount_received));

        if matches!(intent.status.as_str(), "succeeded" | "canceled" | "requires_payment_method") {
            break;
        }
        if Instant::now() >= deadline {
            println!("still {} after 5 minutes, giving up", intent.status);
            break;
        }
        std::thread::sleep(Duration::from_secs(2));
    }
    Ok(())
}
