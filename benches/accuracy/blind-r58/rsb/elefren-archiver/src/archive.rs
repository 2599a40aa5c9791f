use crate::fetch::Fetcher;
use elefren::entities::status::Status;
use postgres::Client;
use std::collections::HashSet;

pub struct Archive {
    db: Client,
    fetcher: Fetcher,
    known_instances: HashSet<String>,
}

fn domain_of(acct: &str, home: &str) -> String {
    acct.split_once('@').map(|(_, d)| d.to_owned()).unwrap_or_else(|| home.to_owned())
}

impl Archive {
    pub fn new(db: Client, fetcher: Fetcher) -> Self {
        Self { db, fetcher, known_instances: HashSet::new() }
    }

    pub fn store(&mut self, status: &Status, home: &str) -> anyhow::Result<()> {
        let domain = domain_of(&status.account.acct, home);
        let tags: Vec<String> = status.tags.iter().map(|t| t.name.to_lowercase()).collect();
        self.db.execute(
            "INSERT INTO posts (id, uri, author, instance, content, tags, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (uri) DO NOTHING",
            &[
                &status.id,
                &status.uri,
                &status.account.acct,
                &domain,
                &status.content,
                &tags,
                &status.created_at,
            ],
        )?;

        if self.known_instances.insert(domain.clone()) {
            match self.fetcher.nodeinfo(&domain) {
                Ok(info) => {
                    self.db.execute(
                        "INSERT INTO instances (domain, software, version) VALUES ($1, $2, $3) \
                         ON CONFLICT (domain) DO UPDATE SET software = $2, version = $3",
                        &[&domain, &info.software.name, &info.software.version],
                    )?;
                }
                Err(err) => log::info!("no nodeinfo for {domain}: {err}"),
            }
        }
        Ok(())
    }

    pub fn tombstone(&mut self, id: &str) -> anyhow::Result<()> {
        self.db.execute("UPDATE posts SET deleted_at = now() WHERE id = $1", &[&id])?;
        Ok(())
    }
}
