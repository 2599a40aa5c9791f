//! Components and resources of the fleet world.

use serde::{Deserialize, Serialize};
use specs::{Component, DenseVecStorage, VecStorage};

#[derive(Debug, Clone)]
pub struct Vehicle {
    pub id: String,
    pub depot: String,
}
impl Component for Vehicle {
    type Storage = DenseVecStorage<Self>;
}

#[derive(Debug, Clone, Copy)]
pub struct Position {
    pub lat: f64,
    pub lon: f64,
}
impl Component for Position {
    type Storage = VecStorage<Self>;
}

#[derive(Debug, Clone, Copy)]
pub struct Velocity {
    pub dlat: f64,
    pub dlon: f64,
}
impl Component for Velocity {
    type Storage = VecStorage<Self>;
}

/// Whether the vehicle was inside a customer geofence on the previous tick.
#[derive(Debug, Clone, Copy)]
pub struct InFence(pub bool);
impl Component for InFence {
    type Storage = VecStorage<Self>;
}

#[derive(Debug, Default)]
pub struct Tick(pub u64);

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Fence {
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub radius_deg: f64,
}

#[derive(Debug, Deserialize)]
pub struct Fences {
    pub webhook: String,
    pub fences: Vec<Fence>,
}

impl Fences {
    pub fn from_file(path: &str) -> anyhow::Result<Self> {
        Ok(serde_json::from_str(&std::fs::read_to_string(path)?)?)
    }

    pub fn hit(&self, p: &Position) -> Option<&Fence> {
        self.fences.iter().find(|f| {
            let (dy, dx) = (p.lat - f.lat, p.lon - f.lon);
            (dx * dx + dy * dy).sqrt() <= f.radius_deg
        })
    }
}
