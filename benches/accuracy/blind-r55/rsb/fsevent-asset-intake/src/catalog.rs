//! The asset catalog in MongoDB. One `Client` (with its internal pool) is built in
//! main and used for every FSEvents event.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use mongodb::bson::{doc, DateTime, Document};
use mongodb::sync::{Client, Collection};
use sha2::{Digest, Sha256};

pub struct Catalog {
    assets: Collection<Document>,
}

fn digest(path: &Path) -> std::io::Result<String> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex::encode(hasher.finalize()))
}

impl Catalog {
    pub fn connect(url: &str) -> mongodb::error::Result<Catalog> {
        let client = Client::with_uri_str(url)?;
        client.database("admin").run_command(doc! { "ping": 1 }).run()?;
        let assets = client.database("studio").collection::<Document>("assets");
        Ok(Catalog { assets })
    }

    /// Returns the new asset id, or None when the same bytes were already dropped.
    pub fn register(&self, tenant: &str, path: &Path) -> Result<Option<String>, Box<dyn std::error::Error>> {
        let sha = digest(path)?;
        if self.assets.find_one(doc! { "tenant": tenant, "sha256": &sha }).run()?.is_some() {
            return Ok(None);
        }
        let size = std::fs::metadata(path)?.len() as i64;
        let id = format!("{tenant}-{}", &sha[..16]);
        self.assets
            .insert_one(doc! {
                "_id": &id,
                "tenant": tenant,
                "path": path.to_string_lossy().as_ref(),
                "sha256": &sha,
                "size": size,
                "status": "queued",
                "dropped_at": DateTime::now(),
            })
            .run()?;
        Ok(Some(id))
    }
}
