//! Garage natives. Garage_Load is called from OnPlayerSpawn for every spawn
//! (including respawns after death) to rebuild the player's owned vehicles.

use mysql::prelude::Queryable;
use mysql::{Conn, Opts};
use samp::native;
use samp::prelude::*;

use crate::RoleplayCore;

struct OwnedVehicle {
    model: i32,
    x: f32,
    y: f32,
    z: f32,
    color1: i32,
    color2: i32,
}

impl RoleplayCore {
    #[native(name = "Garage_Load")]
    pub fn garage_load(&mut self, amx: &Amx, name: AmxString) -> AmxResult<i32> {
        let name = name.to_string();
        // Big join over vehicles/mods; kept off the shared pool so a slow garage
        // query does not hold a pooled connection the bank natives need.
        let opts = match Opts::from_url(&self.dsn) {
            Ok(opts) => opts,
            Err(e) => {
                log::error!("Garage_Load: bad dsn: {e}");
                return Ok(0);
            }
        };
        let mut conn = match Conn::new(opts) {
            Ok(conn) => conn,
            Err(e) => {
                log::error!("Garage_Load: {e}");
                return Ok(0);
            }
        };
        let vehicles: Vec<OwnedVehicle> = conn
            .exec_map(
                "SELECT v.model, v.x, v.y, v.z, v.color1, v.color2 \
                 FROM vehicles v JOIN accounts a ON a.id = v.owner_id \
                 WHERE a.name = ? AND v.impounded = 0",
                (&name,),
                |(model, x, y, z, color1, color2)| OwnedVehicle { model, x, y, z, color1, color2 },
            )
            .unwrap_or_default();

        let mut spawned = 0;
        for v in &vehicles {
            // CreateVehicle(modelid, x, y, z, angle, color1, color2, respawn_delay)
            let res = amx.find_public("RP_SpawnOwnedVehicle").and_then(|index| {
                amx.push(v.color2)?;
                amx.push(v.color1)?;
                amx.push(v.z)?;
                amx.push(v.y)?;
                amx.push(v.x)?;
                amx.push(v.model)?;
                amx.exec(index)
            });
            if res.is_ok() {
                spawned += 1;
            }
        }
        Ok(spawned)
    }
}
