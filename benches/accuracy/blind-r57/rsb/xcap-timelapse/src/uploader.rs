//! Puts frames into the timelapse bucket.
use anyhow::Result;
use aws_config::SdkConfig;
use aws_sdk_s3::primitives::ByteStream;
use aws_sdk_s3::Client;
use chrono::{DateTime, Local};

use crate::capture::Frame;

pub struct Uploader {
    s3: Client,
    bucket: String,
    host: String,
}

impl Uploader {
    /// Built once in main; the S3 client is reused for every frame.
    pub fn new(config: &SdkConfig, bucket: String, host: String) -> Uploader {
        Uploader { s3: Client::new(config), bucket, host }
    }

    fn key(&self, at: DateTime<Local>, frame: &Frame) -> String {
        format!(
            "timelapse/{}/{}/{}-{}.png",
            self.host,
            at.format("%Y-%m-%d"),
            at.format("%H%M%S"),
            frame.monitor
        )
    }

    pub async fn put(&self, at: DateTime<Local>, frame: Frame) -> Result<()> {
        let key = self.key(at, &frame);
        self.s3
            .put_object()
            .bucket(&self.bucket)
            .key(&key)
            .content_type("image/png")
            .metadata("width", frame.width.to_string())
            .metadata("height", frame.height.to_string())
            .body(ByteStream::from(frame.png))
            .send()
            .await?;
        Ok(())
    }
}
