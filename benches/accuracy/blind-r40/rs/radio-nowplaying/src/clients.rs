use std::cell::RefCell;
use std::time::Duration;

use mysql::{Opts, OptsBuilder, Pool};
use redis::Commands;

use crate::plays::Play;

pub struct Services {
    pub royalty_db: Pool,
    redis: RefCell<redis::Connection>,
    http: ureq::Agent,
    site_url: String,
}

impl Services {
    /// Called once from main.
    pub fn connect() -> anyhow::Result<Services> {
        let opts = Opts::from_url(&std::env::var("ROYALTY_MYSQL_URL")?)?;
        let royalty_db = Pool::new(OptsBuilder::from_opts(opts).tcp_connect_timeout(Some(Duration::from_secs(5))))?;

        let redis = redis::Client::open(std::env::var("REDIS_URL")?)?.get_connection()?;

        let http = ureq::AgentBuilder::new()
            .timeout(Duration::from_secs(5))
            .build();

        Ok(Services {
            royalty_db,
            redis: RefCell::new(redis),
            http,
            site_url: std::env::var("SITE_URL")?,
        })
    }

    pub fn publish_now_playing(&self, play: &Play) -> anyhow::Result<()> {
        let doc = serde_json::json!({ "title": play.title, "file": play.file });
        self.redis
            .borrow_mut()
            .set_ex::<_, _, ()>("radio:now_playing", doc.to_string(), 900)?;
        self.http
            .post(&format!("{}/api/now-playing", self.site_url))
            .send_json(doc)?;
        Ok(())
    }

    pub fn clear_now_playing(&self) -> anyhow::Result<()> {
        self.redis.borrow_mut().del::<_, ()>("radio:now_playing")?;
        Ok(())
    }
}
