use chrono::{DateTime, Utc};
use tokio_postgres::{Client, NoTls};

pub struct DomainRecord {
    pub name: String,
    pub registrar: String,
    pub registrar_iana_id: i32,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    pub expires: DateTime<Utc>,
    pub statuses: Vec<String>,
    pub dnssec: bool,
    pub nameservers: Vec<String>,
}

/// Opens a connection to the registry database and drives it on a background task.
pub async fn connect(url: &str) -> Result<Client, tokio_postgres::Error> {
    let (client, connection) = tokio_postgres::connect(url, NoTls).await?;
    tokio::spawn(async move {
        if let Err(err) = connection.await {
            tracing::warn!("registry connection error: {err}");
        }
    });
    Ok(client)
}

pub async fn lookup_domain(
    client: &Client,
    name: &str,
) -> Result<Option<DomainRecord>, tokio_postgres::Error> {
    let row = client
        .query_opt(
            "SELECT d.name, r.name, r.iana_id, d.created_at, d.updated_at, d.expires_at, \
                    d.statuses, d.dnssec, \
                    ARRAY(SELECT n.host FROM nameservers n WHERE n.domain_id = d.id ORDER BY n.host) \
             FROM domains d JOIN registrars r ON r.id = d.registrar_id \
             WHERE d.name = $1 AND d.deleted_at IS NULL",
            &[&name],
        )
        .await?;
    Ok(row.map(|r| DomainRecord {
        name: r.get(0),
        registrar: r.get(1),
        registrar_iana_id: r.get(2),
        created: r.get(3),
        updated: r.get(4),
        expires: r.get(5),
        statuses: r.get(6),
        dnssec: r.get(7),
        nameservers: r.get(8),
    }))
}
