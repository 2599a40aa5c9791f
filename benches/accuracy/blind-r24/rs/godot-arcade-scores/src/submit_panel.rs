use std::time::Duration;

use godot::classes::{Control, IControl, Label};
use godot::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Serialize)]
struct Submission<'a> {
    cabinet: &'a str,
    game: &'a str,
    initials: &'a str,
    score: i64,
}

#[derive(Deserialize)]
struct SubmitResponse {
    rank: i64,
}

/// Shown after game over. The GDScript scene connects the "Enter" button's
/// `pressed` signal to `on_submit_pressed`.
#[derive(GodotClass)]
#[class(base=Control)]
pub struct SubmitPanel {
    base: Base<Control>,
    #[export]
    api_base: GString,
    #[export]
    cabinet_id: GString,
}

#[godot_api]
impl IControl for SubmitPanel {
    fn init(base: Base<Control>) -> Self {
        Self {
            base,
            api_base: GString::from("https://scores.venue.example/api"),
            cabinet_id: GString::from("cab-07"),
        }
    }
}

#[godot_api]
impl SubmitPanel {
    #[signal]
    fn score_submitted(rank: i64);

    #[func]
    fn on_submit_pressed(&mut self, game: GString, initials: GString, score: i64) {
        let http = match reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(4))
            .user_agent("arcade-cabinet/0.3")
            .build()
        {
            Ok(c) => c,
            Err(e) => {
                godot_error!("submit: cannot build http client: {e}");
                return;
            }
        };

        let body = Submission {
            cabinet: &self.cabinet_id.to_string(),
            game: &game.to_string(),
            initials: &initials.to_string(),
            score,
        };
        let url = format!("{}/scores", self.api_base);
        let rank = match http.post(&url).json(&body).send().and_then(|r| r.error_for_status()) {
            Ok(resp) => resp.json::<SubmitResponse>().map(|r| r.rank).unwrap_or(-1),
            Err(e) => {
                godot_warn!("submit failed: {e}");
                -1
            }
        };

        let mut status = self.base().get_node_as::<Label>("Status");
        if rank > 0 {
            status.set_text(&format!("RANK #{rank}"));
        } else {
            status.set_text("SAVED LOCALLY");
        }
        self.base_mut().emit_signal("score_submitted", &[rank.to_variant()]);
    }
}
