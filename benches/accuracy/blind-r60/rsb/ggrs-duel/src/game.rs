use bytemuck::{Pod, Zeroable};
use ggrs::{Config, InputStatus};
use serde::Serialize;
use std::net::SocketAddr;

pub const INPUT_ATTACK: u8 = 1 << 0;
pub const INPUT_BLOCK: u8 = 1 << 1;
const START_HP: i32 = 100;
const ROUNDS_TO_WIN: u8 = 2;

#[derive(Copy, Clone, PartialEq, Pod, Zeroable)]
#[repr(C)]
pub struct DuelInput {
    pub buttons: u8,
}

pub struct DuelConfig;

impl Config for DuelConfig {
    type Input = DuelInput;
    type State = Duel;
    type Address = SocketAddr;
}

#[derive(Clone, Serialize)]
pub struct Duel {
    pub frame: u64,
    pub hp: [i32; 2],
    pub rounds: [u8; 2],
    cooldown: [u8; 2],
}

impl Default for Duel {
    fn default() -> Self {
        Self { frame: 0, hp: [START_HP; 2], rounds: [0; 2], cooldown: [0; 2] }
    }
}

impl Duel {
    pub fn advance(&mut self, inputs: &[(DuelInput, InputStatus)]) {
        self.frame += 1;
        for p in 0..2 {
            let other = 1 - p;
            self.cooldown[p] = self.cooldown[p].saturating_sub(1);
            let (input, _) = inputs[p];
            if input.buttons & INPUT_ATTACK != 0 && self.cooldown[p] == 0 {
                let blocked = inputs[other].0.buttons & INPUT_BLOCK != 0;
                self.hp[other] -= if blocked { 2 } else { 9 };
                self.cooldown[p] = 20;
            }
        }
        for p in 0..2 {
            if self.hp[p] <= 0 {
                self.rounds[1 - p] += 1;
                self.hp = [START_HP; 2];
            }
        }
    }

    pub fn finished(&self) -> bool {
        self.rounds.iter().any(|&r| r >= ROUNDS_TO_WIN)
    }

    pub fn winner(&self) -> Option<usize> {
        self.rounds.iter().position(|&r| r >= ROUNDS_TO_WIN)
    }
}
