//! Records each render (release, namespace, manifest digest) so the
//! platform team can match cluster state to a helm run.

use postgres::{Client, NoTls};
use sha2::{Digest, Sha256};

pub fn record_render(manifests: &str, secrets_resolved: usize) -> anyhow::Result<()> {
    let Ok(url) = std::env::var("HELM_AUDIT_DATABASE_URL") else {
        return Ok(()); // audit is optional on developer laptops
    };
    // passed with --post-renderer-args <release> --post-renderer-args <namespace>
    let mut args = std::env::args().skip(1);
    let release = args.next().unwrap_or_default();
    let namespace = args.next().unwrap_or_default();
    let digest = format!("{:x}", Sha256::digest(manifests.as_bytes()));

    let mut client = Client::connect(&url, NoTls)?;
    client.execute(
        "INSERT INTO helm_renders (release, namespace, manifest_sha256, secrets_resolved, rendered_at) \
         VALUES ($1, $2, $3, $4, now())",
        &[&release, &namespace, &digest, &(secrets_resolved as i32)],
    )?;
    client.close()?;
    Ok(())
}
