//! Loaded with (module-load "ledger_pg.so"); the ledger-mode keymap binds the
//! `ledger-pg-*` commands below, so each function runs once per keystroke/command.
mod db;
mod fx;

use emacs::{defun, Env, IntoLisp, Result, Value};

emacs::plugin_is_GPL_compatible!();

#[emacs::module(name = "ledger-pg", defun_prefix = "ledger-pg", separator = "-")]
fn init(env: &Env) -> Result<Value<'_>> {
    env.message("ledger-pg loaded")
}

/// Post an invoice line for CUSTOMER with AMOUNT in CURRENCY, converted to EUR.
#[defun]
fn post_invoice(customer: String, amount: f64, currency: String) -> Result<i64> {
    let eur = if currency == "EUR" { amount } else { amount * fx::rate_to_eur(&currency)? };

    let mut conn = db::pool().get()?;
    conn.batch_execute("BEGIN")?;
    let row = conn.query_one(
        "INSERT INTO invoices (customer_code, amount_eur, source_currency) VALUES ($1, $2, $3) RETURNING id",
        &[&customer, &eur, &currency],
    )?;
    let id: i64 = row.get(0);
    conn.execute(
        "UPDATE customers SET balance_eur = balance_eur + $2 WHERE code = $1",
        &[&customer, &eur],
    )?;
    conn.batch_execute("COMMIT")?;
    Ok(id)
}

/// Return the outstanding balance of CUSTOMER as a string for the mode line.
#[defun]
fn balance(customer: String) -> Result<String> {
    let mut conn = db::pool().get()?;
    let row = conn.query_opt("SELECT balance_eur FROM customers WHERE code = $1", &[&customer])?;
    Ok(match row {
        Some(r) => format!("{:.2} EUR", r.get::<_, f64>(0)),
        None => "unknown customer".to_string(),
    })
}

/// Pull the customer's address block from the CRM mirror into the buffer.
#[defun]
fn sync_customer(env: &Env, customer: String) -> Result<Value<'_>> {
    let mut client = db::connect()?;
    let row = client.query_one(
        "SELECT name, street, city, vat_id FROM crm_customers WHERE code = $1",
        &[&customer],
    )?;
    let block = format!(
        "{}\n{}\n{}\nVAT: {}",
        row.get::<_, String>(0),
        row.get::<_, String>(1),
        row.get::<_, String>(2),
        row.get::<_, Option<String>>(3).unwrap_or_default()
    );
    env.call("insert", [block.into_lisp(env)?])
}

/// Convert AMOUNT from CURRENCY to EUR (used by the minibuffer calculator).
#[defun]
fn convert(amount: f64, currency: String) -> Result<f64> {
    Ok(amount * fx::rate_to_eur(&currency)?)
}
