use postgres::{Client, NoTls};

#[derive(Debug, Clone)]
pub struct Incident {
    pub id: i64,
    pub service: String,
    pub severity: String,
    pub title: String,
}

const OPEN_QUERY: &str = "
    SELECT id, service, severity, title
      FROM incidents
     WHERE resolved_at IS NULL
     ORDER BY severity_rank, opened_at";

const ALL_QUERY: &str = "
    SELECT id, service, severity, title
      FROM incidents
     WHERE opened_at > now() - interval '24 hours'
     ORDER BY opened_at DESC";

/// Incidents shown in the main list. Errors are shown as an empty list; the status
/// line already tells the operator when the backend is unreachable.
pub fn list_incidents(database_url: &str, include_resolved: bool) -> Vec<Incident> {
    let mut client = match Client::connect(database_url, NoTls) {
        Ok(client) => client,
        Err(e) => {
            eprintln!("incident db unavailable: {e}");
            return Vec::new();
        }
    };

    let sql = if include_resolved { ALL_QUERY } else { OPEN_QUERY };
    match client.query(sql, &[]) {
        Ok(rows) => rows
            .iter()
            .map(|row| Incident {
                id: row.get(0),
                service: row.get(1),
                severity: row.get(2),
                title: row.get(3),
            })
            .collect(),
        Err(e) => {
            eprintln!("incident query failed: {e}");
            Vec::new()
        }
    }
}
