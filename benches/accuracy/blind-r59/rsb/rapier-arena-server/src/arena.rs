//! Arena geometry: a floor, pickups (sensors) and one ball per player.
//! Collider user_data carries the kind in the high 64 bits and the id in the low.

use std::collections::HashMap;

use rapier3d::prelude::*;

pub const KIND_PLAYER: u128 = 1;
pub const KIND_PICKUP: u128 = 2;

pub fn tag(kind: u128, id: u32) -> u128 {
    (kind << 64) | id as u128
}

pub fn untag(user_data: u128) -> (u128, u32) {
    (user_data >> 64, (user_data & 0xffff_ffff) as u32)
}

pub struct World {
    pub bodies: RigidBodySet,
    pub colliders: ColliderSet,
    pub players: HashMap<u32, RigidBodyHandle>,
}

pub fn build(players: u32) -> World {
    let mut bodies = RigidBodySet::new();
    let mut colliders = ColliderSet::new();

    colliders.insert(ColliderBuilder::cuboid(40.0, 0.5, 40.0).translation(vector![0.0, -0.5, 0.0]).build());

    for i in 0..12u32 {
        let angle = i as f32 * std::f32::consts::TAU / 12.0;
        let pickup = ColliderBuilder::ball(0.6)
            .translation(vector![angle.cos() * 18.0, 0.6, angle.sin() * 18.0])
            .sensor(true)
            .active_events(ActiveEvents::COLLISION_EVENTS)
            .user_data(tag(KIND_PICKUP, i))
            .build();
        colliders.insert(pickup);
    }

    let mut handles = HashMap::new();
    for p in 0..players {
        let x = (p as f32 - players as f32 / 2.0) * 4.0;
        let body = RigidBodyBuilder::dynamic().translation(vector![x, 1.0, 0.0]).linear_damping(0.4).build();
        let handle = bodies.insert(body);
        let ball = ColliderBuilder::ball(1.0)
            .restitution(0.9)
            .active_events(ActiveEvents::COLLISION_EVENTS | ActiveEvents::CONTACT_FORCE_EVENTS)
            .contact_force_event_threshold(250.0)
            .user_data(tag(KIND_PLAYER, p))
            .build();
        colliders.insert_with_parent(ball, handle, &mut bodies);
        handles.insert(p, handle);
    }

    World { bodies, colliders, players: handles }
}

pub fn apply_thrust(world: &mut World, player: u32, x: f32, z: f32) {
    if let Some(h) = world.players.get(&player) {
        if let Some(body) = world.bodies.get_mut(*h) {
            body.apply_impulse(vector![x.clamp(-1.0, 1.0) * 2.0, 0.0, z.clamp(-1.0, 1.0) * 2.0], true);
        }
    }
}

pub fn respawn_fallen(world: &mut World) {
    for h in world.players.values() {
        if let Some(body) = world.bodies.get_mut(*h) {
            if body.translation().y < -20.0 {
                body.set_translation(vector![0.0, 4.0, 0.0], true);
                body.set_linvel(vector![0.0, 0.0, 0.0], true);
            }
        }
    }
}
