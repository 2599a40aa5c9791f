//! Remote state: refs live in Postgres, bundles in the blob service.
//! Both clients are created once per helper invocation by main.

use postgres::Client;
use reqwest::blocking::Client as Http;

pub struct Store {
    db: Client,
    http: Http,
    blob_base: String,
    repo: String,
}

impl Store {
    pub fn new(db: Client, http: Http, blob_base: String, repo: String) -> Self {
        Self { db, http, blob_base, repo }
    }

    pub fn list_refs(&mut self) -> anyhow::Result<Vec<(String, String)>> {
        let rows = self.db.query(
            "SELECT sha, name FROM git_refs WHERE repo = $1 ORDER BY name",
            &[&self.repo],
        )?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    pub fn head_target(&mut self) -> anyhow::Result<Option<String>> {
        let row = self
            .db
            .query_opt("SELECT head_ref FROM git_repos WHERE name = $1", &[&self.repo])?;
        Ok(row.map(|r| r.get(0)))
    }

    pub fn download_bundle(&self, sha: &str) -> anyhow::Result<Vec<u8>> {
        let bytes = self
            .http
            .get(format!("{}/{}/{sha}.bundle", self.blob_base, self.repo))
            .send()?
            .error_for_status()?
            .bytes()?;
        Ok(bytes.to_vec())
    }

    pub fn upload_bundle(&self, sha: &str, bundle: Vec<u8>) -> anyhow::Result<()> {
        self.http
            .put(format!("{}/{}/{sha}.bundle", self.blob_base, self.repo))
            .body(bundle)
            .send()?
            .error_for_status()?;
        Ok(())
    }

    /// Compare-and-swap a ref; returns false if someone else moved it (non-fast-forward race).
    pub fn update_ref(&mut self, name: &str, old: Option<&str>, new: &str) -> anyhow::Result<bool> {
        let mut tx = self.db.transaction()?;
        let current: Option<String> = tx
            .query_opt(
                "SELECT sha FROM git_refs WHERE repo = $1 AND name = $2 FOR UPDATE",
                &[&self.repo, &name],
            )?
            .map(|r| r.get(0));
        if current.as_deref() != old {
            return Ok(false);
        }
        tx.execute(
            "INSERT INTO git_refs (repo, name, sha) VALUES ($1, $2, $3) \
             ON CONFLICT (repo, name) DO UPDATE SET sha = excluded.sha",
            &[&self.repo, &name, &new],
        )?;
        tx.commit()?;
        Ok(true)
    }

    pub fn close(self) -> anyhow::Result<()> {
        self.db.close()?;
        Ok(())
    }
}
