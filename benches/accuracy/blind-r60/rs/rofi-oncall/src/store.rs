use postgres::{Client, NoTls};

pub struct Incident {
    pub id: i64,
    pub service: String,
    pub title: String,
    pub high_urgency: bool,
    pub age_minutes: i64,
}

pub fn open() -> Result<Client, postgres::Error> {
    let url = std::env::var("ONCALL_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://oncall@db.internal/oncall".into());
    Client::connect(&url, NoTls)
}

pub fn open_incidents(db: &mut Client) -> Result<Vec<Incident>, postgres::Error> {
    let rows = db.query(
        "SELECT id, service, title, urgency = 'high',
                (extract(epoch FROM now() - opened_at) / 60)::bigint
         FROM incidents WHERE state = 'triggered'
         ORDER BY urgency = 'high' DESC, opened_at",
        &[],
    )?;
    Ok(rows
        .iter()
        .map(|r| Incident {
            id: r.get(0),
            service: r.get(1),
            title: r.get(2),
            high_urgency: r.get(3),
            age_minutes: r.get(4),
        })
        .collect())
}

pub fn mark_acknowledged(db: &mut Client, id: i64, by: &str) -> Result<(), postgres::Error> {
    db.execute(
        "UPDATE incidents SET state = 'acknowledged', acked_by = $2, acked_at = now()
         WHERE id = $1",
        &[&id, &by],
    )?;
    Ok(())
}
