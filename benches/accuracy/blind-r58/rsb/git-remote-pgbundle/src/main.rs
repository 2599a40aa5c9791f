//! Invoked by git as `git-remote-pgbundle <remote> pgbundle://<repo>` once per
//! fetch/push; speaks the remote-helper protocol on stdin/stdout and exits.

mod store;

use std::collections::HashMap;
use std::io::{self, BufRead, Write};
use std::process::Command;
use std::time::Duration;
use store::Store;

fn git(args: &[&str]) -> anyhow::Result<String> {
    let out = Command::new("git").args(args).output()?;
    anyhow::ensure!(out.status.success(), "git {:?} failed", args);
    Ok(String::from_utf8(out.stdout)?.trim().to_owned())
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let url = args.get(2).ok_or_else(|| anyhow::anyhow!("usage: git-remote-pgbundle <remote> <url>"))?;
    let repo = url.trim_start_matches("pgbundle://").to_owned();

    let db = postgres::Client::connect(&std::env::var("PGBUNDLE_DSN")?, postgres::NoTls)?;
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(120))
        .build()?;
    let blob_base = std::env::var("PGBUNDLE_BLOB").unwrap_or_else(|_| "http://blobs.internal:8080".into());
    let mut store = Store::new(db, http, blob_base, repo);

    let stdin = io::stdin();
    let mut out = io::stdout().lock();
    let mut remote_refs: HashMap<String, String> = HashMap::new();
    let mut lines = stdin.lock().lines();

    while let Some(line) = lines.next() {
        let line = line?;
        let mut words = line.split_whitespace();
        match words.next() {
            Some("capabilities") => writeln!(out, "fetch\npush\n")?,
            Some("list") => {
                remote_refs.clear();
                for (sha, name) in store.list_refs()? {
                    writeln!(out, "{sha} {name}")?;
                    remote_refs.insert(name, sha);
                }
                if let Some(head) = store.head_target()? {
                    writeln!(out, "@{head} HEAD")?;
                }
                writeln!(out)?;
            }
            Some("fetch") => {
                // A batch of fetch lines ends with a blank line.
                let mut batch = vec![line.clone()];
                for next in lines.by_ref() {
                    let next = next?;
                    if next.is_empty() {
                        break;
                    }
                    batch.push(next);
                }
                for cmd in batch {
                    let sha = cmd.split_whitespace().nth(1).unwrap_or_default().to_owned();
                    let path = std::env::temp_dir().join(format!("pgbundle-{sha}.bundle"));
                    std::fs::write(&path, store.download_bundle(&sha)?)?;
                    git(&["bundle", "unbundle", path.to_str().unwrap()])?;
                    std::fs::remove_file(&path)?;
                }
                writeln!(out)?;
            }
            Some("push") => {
                let mut batch = vec![line.clone()];
                for next in lines.by_ref() {
                    let next = next?;
                    if next.is_empty() {
                        break;
                    }
                    batch.push(next);
                }
                for cmd in batch {
                    let spec = cmd.trim_start_matches("push ").trim_start_matches('+');
                    let (src, dst) = spec.split_once(':').unwrap_or((spec, spec));
                    let sha = git(&["rev-parse", src])?;
                    let path = std::env::temp_dir().join(format!("pgbundle-{sha}.bundle"));
                    git(&["bundle", "create", path.to_str().unwrap(), src])?;
                    store.upload_bundle(&sha, std::fs::read(&path)?)?;
                    std::fs::remove_file(&path)?;
                    let old = remote_refs.get(dst).map(String::as_str);
                    if store.update_ref(dst, old, &sha)? {
                        writeln!(out, "ok {dst}")?;
                    } else {
                        writeln!(out, "error {dst} fetch first")?;
                    }
                }
                writeln!(out)?;
            }
            Some(other) => anyhow::bail!("unsupported remote-helper command {other:?}"),
            None => break, // blank line: git is done with us
        }
        out.flush()?;
    }

    store.close()
}
