//! Web Push delivery. One HTTP client for the whole process.

use std::fs::File;

use web_push::{
    ContentEncoding, IsahcWebPushClient, PartialVapidSignatureBuilder, SubscriptionInfo,
    VapidSignatureBuilder, WebPushClient, WebPushError, WebPushMessageBuilder,
};

use crate::subs::Subscription;

pub struct Pusher {
    client: IsahcWebPushClient,
    vapid: PartialVapidSignatureBuilder,
}

impl Pusher {
    /// Called once from main.
    pub fn from_env() -> anyhow::Result<Self> {
        let key_path = std::env::var("VAPID_PRIVATE_KEY_PEM")?;
        let vapid = VapidSignatureBuilder::from_pem_no_sub(File::open(key_path)?)?;
        let client = IsahcWebPushClient::new()?;
        Ok(Self { client, vapid })
    }

    /// Builds the per-subscription message (cheap: just bytes and a
    /// signature) and sends it through the shared client.
    pub async fn send(&self, sub: &Subscription, title: &str, body: &str) -> Result<(), WebPushError> {
        let info = SubscriptionInfo::new(&sub.endpoint, &sub.p256dh, &sub.auth);
        let signature = self.vapid.clone().add_sub_info(&info).build()?;
        let payload = serde_json::json!({ "title": title, "body": body }).to_string();

        let mut builder = WebPushMessageBuilder::new(&info);
        builder.set_payload(ContentEncoding::Aes128Gcm, payload.as_bytes());
        builder.set_vapid_signature(signature);
        builder.set_ttl(3600);
        self.client.send(builder.build()?).await
    }
}

pub fn is_gone(e: &WebPushError) -> bool {
    matches!(e.short_description(), "endpoint_not_valid" | "endpoint_not_found")
}
