//! Telegram bot for the on-call rota: `/whois` tells you who is on call,
//! `/status <service>` asks the status page.

mod lookup;

use std::env;
use std::thread;
use std::time::Duration;

use frankenstein::{Api, GetUpdatesParams, Message, SendMessageParams, TelegramApi, UpdateContent};

fn reply(api: &Api, msg: &Message, text: String) {
    let params = SendMessageParams::builder()
        .chat_id(msg.chat.id)
        .text(text)
        .build();
    if let Err(e) = api.send_message(&params) {
        eprintln!("send_message failed: {e:?}");
    }
}

fn handle(api: &Api, msg: Message) {
    let text = msg.text.clone().unwrap_or_default();
    let mut parts = text.split_whitespace();
    match parts.next() {
        Some("/whois") => {
            let answer = match lookup::on_call_now() {
                Ok(Some(name)) => format!("On call: {name}"),
                Ok(None) => "Nobody is on call?!".to_string(),
                Err(e) => format!("lookup failed: {e}"),
            };
            reply(api, &msg, answer);
        }
        Some("/status") => {
            let service = parts.next().unwrap_or("api").to_string();
            let answer = lookup::status_of(&service).unwrap_or_else(|e| format!("status failed: {e}"));
            reply(api, &msg, answer);
        }
        _ => {}
    }
}

fn main() {
    let token = env::var("TELEGRAM_BOT_TOKEN").expect("TELEGRAM_BOT_TOKEN");
    let api = Api::new(&token);

    let mut update_params = GetUpdatesParams::builder().timeout(30u32).build();

    loop {
        match api.get_updates(&update_params) {
            Ok(response) => {
                for update in response.result {
                    if let UpdateContent::Message(message) = update.content {
                        handle(&api, message);
                    }
                    update_params.offset = Some(i64::from(update.update_id) + 1);
                }
            }
            Err(e) => {
                eprintln!("get_updates failed: {e:?}");
                thread::sleep(Duration::from_secs(5));
            }
        }
    }
}
