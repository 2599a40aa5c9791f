//! Download a cached build output (a tar of class files) from S3 into the workspace.

use anyhow::Result;
use aws_config::BehaviorVersion;

pub async fn fetch(bucket: &str, key: &str, workspace: &str) -> Result<()> {
    let config = aws_config::load_defaults(BehaviorVersion::latest()).await;
    let s3 = aws_sdk_s3::Client::new(&config);

    let object = s3.get_object().bucket(bucket).key(key).send().await?;
    let bytes = object.body.collect().await?.into_bytes();

    let dest = format!("{workspace}/out/cache/{}.tar", key.replace('/', "_"));
    tokio::fs::create_dir_all(format!("{workspace}/out/cache")).await?;
    tokio::fs::write(&dest, &bytes).await?;

    let status = tokio::process::Command::new("tar")
        .args(["-xf", &dest, "-C", &format!("{workspace}/out")])
        .status()
        .await?;
    anyhow::ensure!(status.success(), "unpacking {key} failed");
    Ok(())
}
