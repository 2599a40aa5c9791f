use std::time::Duration;

use postgres::NoTls;
use rust_sc2::prelude::*;

use crate::report::{self, Settings, Snapshot};

/// Every 224 game loops is roughly ten seconds of game time on "faster".
const SNAPSHOT_EVERY: usize = 224;

#[bot]
pub struct ScoutBot {
    settings: Settings,
    game_id: String,
    kills: u32,
    losses: u32,
}

impl ScoutBot {
    pub fn new(settings: Settings) -> Self {
        Self {
            _bot: Default::default(),
            settings,
            game_id: String::new(),
            kills: 0,
            losses: 0,
        }
    }

    fn train_workers(&mut self) {
        if self.supply_workers >= 60 {
            return;
        }
        let idle_halls = self.units.my.townhalls.ready().idle();
        for hall in idle_halls.iter() {
            if !self.can_afford(UnitTypeId::SCV, true) {
                break;
            }
            hall.train(UnitTypeId::SCV, false);
            self.subtract_resources(UnitTypeId::SCV, true);
        }
    }

    fn push_live_snapshot(&self) {
        let snapshot = Snapshot {
            game_id: &self.game_id,
            game_time: self.time,
            minerals: self.minerals,
            vespene: self.vespene,
            supply_used: self.supply_used,
            workers: self.units.my.workers.len(),
            army: self.units.my.units.len() - self.units.my.workers.len(),
        };
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_millis(500))
            .build();
        let http = match http {
            Ok(c) => c,
            Err(e) => {
                log::debug!("snapshot client: {}", e);
                return;
            }
        };
        let url = format!("{}/live/{}", self.settings.dashboard_url, self.game_id);
        if let Err(e) = http.post(url).json(&snapshot).send() {
            log::debug!("snapshot dropped: {}", e);
        }
    }

    fn record_loss(&self, tag: u64) {
        let mut db = match postgres::Client::connect(&self.settings.database_url, NoTls) {
            Ok(db) => db,
            Err(e) => {
                log::warn!("stats db unavailable: {}", e);
                return;
            }
        };
        let res = db.execute(
            "INSERT INTO unit_losses (game_id, unit_tag, game_time) VALUES ($1, $2, $3)",
            &[&self.game_id, &(tag as i64), &(self.time as f64)],
        );
        if let Err(e) = res {
            log::warn!("could not record loss of {}: {}", tag, e);
        }
    }
}

impl Player for ScoutBot {
    fn get_player_settings(&self) -> PlayerSettings {
        PlayerSettings::new(Race::Terran).with_name("LadderScout")
    }

    fn on_start(&mut self) -> SC2Result<()> {
        self.game_id = format!("{}-{}", self.game_info.map_name, std::process::id());
        log::info!("game {} started", self.game_id);
        Ok(())
    }

    fn on_step(&mut self, iteration: usize) -> SC2Result<()> {
        self.train_workers();
        if iteration % SNAPSHOT_EVERY == 0 {
            self.push_live_snapshot();
        }
        Ok(())
    }

    fn on_event(&mut self, event: Event) -> SC2Result<()> {
        match event {
            Event::UnitDestroyed(tag, Some(Alliance::Own)) => {
                self.losses += 1;
                self.record_loss(tag);
            }
            Event::UnitDestroyed(_, Some(Alliance::Enemy)) => self.kills += 1,
            Event::RandomRaceDetected(race) => log::info!("opponent is {:?}", race),
            _ => {}
        }
        Ok(())
    }

    fn on_end(&self, result: GameResult) -> SC2Result<()> {
        report::final_result(&self.settings, &self.game_id, result, self.kills, self.losses);
        Ok(())
    }
}
