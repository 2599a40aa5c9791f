use std::path::Path;
use std::sync::atomic::Ordering;

use fyrox::{
    core::{pool::Handle, reflect::prelude::*, visitor::prelude::*},
    gui::{
        button::{ButtonBuilder, ButtonMessage},
        message::{MessageDirection, UiMessage},
        text::{TextBuilder, TextMessage},
        widget::WidgetBuilder,
        UiNode,
    },
    plugin::{Plugin, PluginContext, PluginRegistrationContext},
    scene::Scene,
};

pub mod score;
mod stats;

const MATCH_LENGTH_SECS: f32 = 300.0;

#[derive(Default, Visit, Reflect, Debug)]
pub struct Game {
    scene: Handle<Scene>,
    match_time: f32,
    match_over: bool,
    leaderboard_button: Handle<UiNode>,
    leaderboard_text: Handle<UiNode>,
    #[visit(skip)]
    #[reflect(hidden)]
    stats: Option<stats::StatsUploader>,
}

impl Game {
    fn finish_match(&mut self) {
        self.match_over = true;
        let result = stats::MatchResult {
            map: "arena_01".to_string(),
            duration_secs: self.match_time as u32,
            kills: score::KILLS.swap(0, Ordering::Relaxed),
            deaths: score::DEATHS.swap(0, Ordering::Relaxed),
        };
        if let Some(stats) = &self.stats {
            // queued for the uploader thread, never blocks the frame
            stats.submit(result);
        }
    }
}

impl Plugin for Game {
    fn register(&self, context: PluginRegistrationContext) {
        score::register_scripts(&context);
    }

    fn init(&mut self, scene_path: Option<&str>, context: PluginContext) {
        context
            .async_scene_loader
            .request(scene_path.unwrap_or("data/arena_01.rgs"));

        let api = std::env::var("ARENA_STATS_API").unwrap_or_else(|_| "https://stats.example.net".into());
        self.stats = Some(stats::StatsUploader::start(api));

        let ui = context.user_interfaces.first_mut();
        let ctx = &mut ui.build_ctx();
        self.leaderboard_text = TextBuilder::new(WidgetBuilder::new()).build(ctx);
        self.leaderboard_button = ButtonBuilder::new(WidgetBuilder::new())
            .with_text("Leaderboard")
            .build(ctx);
    }

    fn update(&mut self, context: &mut PluginContext) {
        if !self.match_over {
            self.match_time += context.dt;
            if self.match_time >= MATCH_LENGTH_SECS {
                self.finish_match();
            }
        }

        // non-blocking: pick up a leaderboard the uploader thread fetched
        if let Some(board) = self.stats.as_ref().and_then(|s| s.poll_leaderboard()) {
            let text = board
                .iter()
                .enumerate()
                .map(|(i, e)| format!("{}. {} — {}", i + 1, e.player, e.rating))
                .collect::<Vec<_>>()
                .join("\n");
            context.user_interfaces.first_mut().send_message(TextMessage::text(
                self.leaderboard_text,
                MessageDirection::ToWidget,
                text,
            ));
        }
    }

    fn on_ui_message(&mut self, _context: &mut PluginContext, message: &UiMessage) {
        if let Some(ButtonMessage::Click) = message.data() {
            if message.destination() == self.leaderboard_button {
                if let Some(stats) = &self.stats {
                    stats.request_leaderboard();
                }
            }
        }
    }

    fn on_scene_loaded(&mut self, _path: &Path, scene: Handle<Scene>, _data: &[u8], _context: &mut PluginContext) {
        self.scene = scene;
        self.match_time = 0.0;
        self.match_over = false;
    }
}
