//! Loaded by mosquitto (mosquitto.conf):
//!
//!   plugin /usr/lib/mosquitto/libdevice_auth.so
//!   plugin_opt_auth_dsn host=auth-db user=mqtt_auth dbname=devices
//!   plugin_opt_fleet_dsn host=fleet-db user=mqtt_acl dbname=fleet
//!   plugin_opt_redis_url redis://alarms-redis:6379/0
//!
//! mosquitto calls username_password once per CONNECT, acl_check for every
//! publish / subscribe, and on_message for every message it accepts.

mod acl;
mod alarms;
mod auth;

use std::collections::HashMap;

use mosquitto_plugin::*;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

pub type FleetPool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

pub struct DeviceAuth {
    auth_dsn: String,
    redis_url: String,
    fleet: FleetPool,
    acl_cache: acl::AclCache,
}

impl MosquittoPlugin for DeviceAuth {
    fn init(opts: HashMap<&str, &str>) -> Self {
        let fleet_dsn = opts
            .get("fleet_dsn")
            .copied()
            .unwrap_or("host=localhost user=mqtt_acl dbname=fleet");
        let manager = PostgresConnectionManager::new(
            fleet_dsn.parse().expect("invalid fleet_dsn"),
            NoTls,
        );
        let fleet = r2d2::Pool::builder()
            .max_size(4)
            .build(manager)
            .expect("fleet pool");

        DeviceAuth {
            auth_dsn: opts
                .get("auth_dsn")
                .copied()
                .unwrap_or("host=localhost user=mqtt_auth dbname=devices")
                .to_string(),
            redis_url: opts
                .get("redis_url")
                .copied()
                .unwrap_or("redis://127.0.0.1:6379/0")
                .to_string(),
            fleet,
            acl_cache: acl::AclCache::default(),
        }
    }

    fn username_password(
        &mut self,
        client: &dyn MosquittoClientContext,
        u: Option<&str>,
        p: Option<&str>,
    ) -> Result<Success, Error> {
        let (Some(user), Some(pass)) = (u, p) else {
            return Err(Error::AuthDenied);
        };
        match auth::verify_device(&self.auth_dsn, user, pass) {
            Ok(true) => {
                log::info!("device {} connected from {:?}", user, client.get_address());
                Ok(Success)
            }
            Ok(false) => Err(Error::AuthDenied),
            Err(e) => {
                log::error!("auth lookup failed for {user}: {e}");
                Err(Error::AuthDenied)
            }
        }
    }

    fn acl_check(
        &mut self,
        client: &dyn MosquittoClientContext,
        level: AclCheckAccessLevel,
        msg: MosquittoMessage,
    ) -> Result<Success, Error> {
        let Some(user) = client.get_username() else {
            return Err(Error::AclDenied);
        };
        let write = matches!(level, AclCheckAccessLevel::Write);
        if self.acl_cache.allowed(&self.fleet, user, msg.topic, write) {
            Ok(Success)
        } else {
            Err(Error::AclDenied)
        }
    }

    fn on_message(&mut self, client: &dyn MosquittoClientContext, message: MosquittoMessage) {
        if message.topic.starts_with("sites/") && message.topic.ends_with("/alarm") {
            let device = client.get_username().unwrap_or("unknown");
            if let Err(e) = alarms::publish_alarm(&self.redis_url, device, message.topic, message.payload) {
                log::warn!("alarm fan-out failed: {e}");
            }
        }
    }
}

create_dynamic_library!(DeviceAuth);
