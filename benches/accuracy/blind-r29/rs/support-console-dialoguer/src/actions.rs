//! Menu actions. Each borrows the console's single database client and
//! HTTP agent; nothing here opens connections of its own.

use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, Input};
use postgres::Client;

pub struct Ctx<'a> {
    pub db: &'a mut Client,
    pub http: &'a ureq::Agent,
    pub payments: &'a str,
}

fn ask_order(theme: &ColorfulTheme) -> anyhow::Result<String> {
    Ok(Input::<String>::with_theme(theme)
        .with_prompt("Order number")
        .interact_text()?)
}

pub fn lookup(ctx: &mut Ctx<'_>, theme: &ColorfulTheme) -> anyhow::Result<()> {
    let order = ask_order(theme)?;
    let rows = ctx.db.query(
        "SELECT status, total_cents, customer_email FROM orders WHERE number = $1",
        &[&order],
    )?;
    match rows.first() {
        Some(r) => {
            let status: String = r.get(0);
            let total: i64 = r.get(1);
            let email: String = r.get(2);
            println!("{order}: {status}, {:.2} EUR, {email}", total as f64 / 100.0);
        }
        None => println!("no order {order}"),
    }
    Ok(())
}

pub fn refund(ctx: &mut Ctx<'_>, theme: &ColorfulTheme) -> anyhow::Result<()> {
    let order = ask_order(theme)?;
    let reason: String = Input::with_theme(theme).with_prompt("Reason").interact_text()?;
    if !Confirm::with_theme(theme)
        .with_prompt(format!("Refund {order} in full?"))
        .interact()?
    {
        return Ok(());
    }

    let mut tx = ctx.db.transaction()?;
    let row = tx.query_one(
        "SELECT payment_ref, total_cents FROM orders WHERE number = $1 FOR UPDATE",
        &[&order],
    )?;
    let payment_ref: String = row.get(0);
    let total: i64 = row.get(1);
    ctx.http
        .post(&format!("{}/refunds", ctx.payments))
        .send_json(serde_json::json!({ "payment": payment_ref, "amount": total, "reason": reason }))?;
    tx.execute(
        "UPDATE orders SET status = 'refunded', refund_reason = $2 WHERE number = $1",
        &[&order, &reason],
    )?;
    tx.commit()?;
    println!("refunded {order}");
    Ok(())
}

pub fn resend_receipt(ctx: &mut Ctx<'_>, theme: &ColorfulTheme) -> anyhow::Result<()> {
    let order = ask_order(theme)?;
    ctx.db.execute(
        "INSERT INTO receipt_requests (order_number, requested_at) VALUES ($1, now())",
        &[&order],
    )?;
    println!("receipt for {order} queued");
    Ok(())
}
