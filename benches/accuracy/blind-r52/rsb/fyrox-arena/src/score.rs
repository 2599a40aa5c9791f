//! Match counters bumped by gameplay scripts (projectile hits, respawns).
use std::sync::atomic::{AtomicU32, Ordering};

use fyrox::{
    core::{reflect::prelude::*, type_traits::prelude::*, visitor::prelude::*},
    plugin::PluginRegistrationContext,
    script::{ScriptContext, ScriptTrait},
};

pub static KILLS: AtomicU32 = AtomicU32::new(0);
pub static DEATHS: AtomicU32 = AtomicU32::new(0);

/// Attached to the local player; counts its deaths when health reaches zero.
#[derive(Visit, Reflect, Default, Debug, Clone, TypeUuidProvider, ComponentProvider)]
#[type_uuid(id = "6c1f9f0e-3d1b-4c55-9a0e-2f5b7f1d8a42")]
#[visit(optional)]
pub struct PlayerHealth {
    pub health: f32,
    #[reflect(hidden)]
    dead: bool,
}

impl ScriptTrait for PlayerHealth {
    fn on_update(&mut self, _ctx: &mut ScriptContext) {
        if self.health <= 0.0 && !self.dead {
            self.dead = true;
            DEATHS.fetch_add(1, Ordering::Relaxed);
        } else if self.health > 0.0 {
            self.dead = false;
        }
    }
}

pub fn record_kill() {
    KILLS.fetch_add(1, Ordering::Relaxed);
}

pub fn register_scripts(context: &PluginRegistrationContext) {
    context
        .serialization_context
        .script_constructors
        .add::<PlayerHealth>("Player Health");
}
