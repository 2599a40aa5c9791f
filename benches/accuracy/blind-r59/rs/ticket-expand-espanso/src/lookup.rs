use chrono::{DateTime, Utc};
use postgres::Client;
use serde::Deserialize;

#[derive(Deserialize)]
struct Plan {
    plan: String,
    seats: u32,
    renews_on: String,
}

#[derive(Deserialize)]
struct OnCall {
    name: String,
    until: String,
}

pub fn ticket(db: &mut Client, id: &str) -> Result<String, String> {
    let number: i32 = id.trim_start_matches("OPS-").parse().map_err(|_| format!("bad ticket id {id}"))?;
    let row = db
        .query_opt(
            "SELECT t.title, t.status, coalesce(a.display_name, 'unassigned'), t.updated_at
             FROM tickets t LEFT JOIN agents a ON a.id = t.assignee_id WHERE t.number = $1",
            &[&number],
        )
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("OPS-{number} not found"))?;
    let updated: DateTime<Utc> = row.get(3);
    Ok(format!(
        "[OPS-{number}] {} — {} ({}, updated {})",
        row.get::<_, String>(0),
        row.get::<_, String>(1),
        row.get::<_, String>(2),
        updated.format("%Y-%m-%d"),
    ))
}

pub fn customer(db: &mut Client, http: &reqwest::blocking::Client, email: &str) -> Result<String, String> {
    let row = db
        .query_opt(
            "SELECT c.id, c.company, count(t.*) FILTER (WHERE t.status <> 'closed')
             FROM customers c LEFT JOIN tickets t ON t.customer_id = c.id
             WHERE lower(c.email) = lower($1) GROUP BY c.id, c.company",
            &[&email],
        )
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no customer {email}"))?;
    let customer_id: i64 = row.get(0);
    let billing = std::env::var("BILLING_API").unwrap_or_else(|_| "https://billing.internal".into());
    let plan: Option<Plan> = http
        .get(format!("{billing}/v1/customers/{customer_id}/plan"))
        .send()
        .and_then(|r| r.error_for_status())
        .and_then(|r| r.json())
        .ok();
    let plan_text = plan
        .map(|p| format!("{} plan, {} seats, renews {}", p.plan, p.seats, p.renews_on))
        .unwrap_or_else(|| "plan unknown".into());
    Ok(format!("{} (#{customer_id}) — {plan_text}; {} open tickets", row.get::<_, String>(1), row.get::<_, i64>(2)))
}

pub fn oncall(http: &reqwest::blocking::Client) -> Result<String, String> {
    let api = std::env::var("ONCALL_API").map_err(|_| "ONCALL_API not set".to_string())?;
    let who: OnCall = http
        .get(format!("{api}/schedules/primary/now"))
        .send()
        .and_then(|r| r.error_for_status())
        .and_then(|r| r.json())
        .map_err(|e| e.to_string())?;
    Ok(format!("On call: {} (until {})", who.name, who.until))
}
