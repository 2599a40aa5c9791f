//! /report command: forwards a player report to the staff Discord channel.

use std::time::Duration;

use samp::native;
use samp::prelude::*;
use serde::Serialize;

use crate::RoleplayCore;

#[derive(Serialize)]
struct DiscordMessage {
    username: &'static str,
    content: String,
}

impl RoleplayCore {
    #[native(name = "Report_Submit")]
    pub fn report_submit(
        &mut self,
        _amx: &Amx,
        reporter: AmxString,
        target: AmxString,
        reason: AmxString,
    ) -> AmxResult<bool> {
        if self.webhook_url.is_empty() {
            return Ok(false);
        }
        let message = DiscordMessage {
            username: "rp-reports",
            content: format!(
                "**{}** reported **{}**: {}",
                reporter.to_string(),
                target.to_string(),
                reason.to_string()
            ),
        };

        let client = match reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(3))
            .build()
        {
            Ok(client) => client,
            Err(e) => {
                log::error!("Report_Submit: {e}");
                return Ok(false);
            }
        };
        match client.post(&self.webhook_url).json(&message).send() {
            Ok(resp) if resp.status().is_success() => Ok(true),
            Ok(resp) => {
                log::warn!("Report_Submit: webhook answered {}", resp.status());
                Ok(false)
            }
            Err(e) => {
                log::error!("Report_Submit: {e}");
                Ok(false)
            }
        }
    }
}
