use postgres::{Client, NoTls};

pub fn connect() -> Result<Client, postgres::Error> {
    let url = std::env::var("SCORES_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://kiosk@scores.booth.lan/events".into());
    Client::connect(&url, NoTls)
}

pub fn submit(client: &mut Client, event: &str, initials: &str, millis: i32) -> Result<i64, postgres::Error> {
    let row = client.query_one(
        "INSERT INTO reaction_scores (event, initials, millis) VALUES ($1, $2, $3)
         RETURNING (SELECT count(*) FROM reaction_scores WHERE event = $1 AND millis < $3) + 1",
        &[&event, &initials, &millis],
    )?;
    Ok(row.get(0))
}
