use aws_config::BehaviorVersion;
use tokio::runtime::Runtime;

/// Builds an S3 client from the ambient AWS configuration (env, profile, IMDS).
pub fn s3_client(rt: &Runtime) -> aws_sdk_s3::Client {
    let conf = rt.block_on(aws_config::defaults(BehaviorVersion::latest()).load());
    aws_sdk_s3::Client::new(&conf)
}

/// One object under the mirrored prefix.
pub struct RemoteObject {
    pub key: String,
    pub size: u64,
}

pub fn list_prefix(
    rt: &Runtime,
    client: &aws_sdk_s3::Client,
    bucket: &str,
    prefix: &str,
) -> Result<Vec<RemoteObject>, aws_sdk_s3::Error> {
    rt.block_on(async {
        let mut out = Vec::new();
        let mut pages = client
            .list_objects_v2()
            .bucket(bucket)
            .prefix(prefix)
            .into_paginator()
            .send();
        while let Some(page) = pages.next().await {
            let page = page?;
            for obj in page.contents() {
                out.push(RemoteObject {
                    key: obj.key().unwrap_or_default().to_string(),
                    size: obj.size().unwrap_or(0) as u64,
                });
            }
        }
        Ok(out)
    })
}
