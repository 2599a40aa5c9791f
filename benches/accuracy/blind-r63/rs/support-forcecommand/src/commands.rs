use anyhow::{bail, Result};
use chrono::{DateTime, Utc};
use postgres::Client;

use crate::billing::Billing;

pub struct Console<'a> {
    db: &'a mut Client,
    billing: &'a Billing,
    agent: &'a str,
    origin: &'a str,
}

impl<'a> Console<'a> {
    pub fn new(db: &'a mut Client, billing: &'a Billing, agent: &'a str, origin: &'a str) -> Self {
        Self { db, billing, agent, origin }
    }

    pub fn run(&mut self, line: &str) -> Result<()> {
        let mut words = line.split_whitespace();
        let cmd = words.next().unwrap_or_default();
        let arg = words.next();
        self.db.execute(
            "INSERT INTO support_audit (agent, origin, command, at) VALUES ($1, $2, $3, now())",
            &[&self.agent, &self.origin, &line],
        )?;

        match (cmd, arg) {
            ("help", _) => println!("order <id> | customer <email> | resend-invoice <id> | refund <id> | quit"),
            ("order", Some(id)) => {
                let id: i64 = id.parse()?;
                match self.db.query_opt(
                    "SELECT o.status, o.total_cents, o.created_at, c.email \
                       FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = $1",
                    &[&id],
                )? {
                    Some(row) => {
                        let created: DateTime<Utc> = row.get(2);
                        println!(
                            "order {id}: {} {:.2} EUR, {} ({})",
                            row.get::<_, String>(0),
                            row.get::<_, i64>(1) as f64 / 100.0,
                            row.get::<_, String>(3),
                            created.format("%Y-%m-%d %H:%M")
                        );
                    }
                    None => println!("no order {id}"),
                }
            }
            ("customer", Some(email)) => {
                for row in self.db.query(
                    "SELECT o.id, o.status, o.total_cents FROM orders o JOIN customers c ON c.id = o.customer_id \
                      WHERE lower(c.email) = lower($1) ORDER BY o.created_at DESC LIMIT 20",
                    &[&email],
                )? {
                    println!("  #{} {} {:.2}", row.get::<_, i64>(0), row.get::<_, String>(1), row.get::<_, i64>(2) as f64 / 100.0);
                }
            }
            ("resend-invoice", Some(id)) => {
                self.billing.resend_invoice(id.parse()?, self.agent)?;
                println!("invoice {id} queued for resend");
            }
            ("refund", Some(id)) => println!("refund {id}: {}", self.billing.refund_status(id)?),
            _ => bail!("unknown command {line:?}, try `help`"),
        }
        Ok(())
    }
}
