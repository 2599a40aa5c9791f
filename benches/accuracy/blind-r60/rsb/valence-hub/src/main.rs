//! Emberfall hub: the lobby every player lands in before being sent to a game server.
//! Runs valence's fixed 20 TPS tick; every system below is scheduled in `Update`.

use valence::prelude::*;

mod economy;
mod moderation;
mod punish;

const SPAWN_Y: i32 = 64;

pub fn main() {
    App::new()
        .add_plugins(DefaultPlugins)
        .add_plugins((
            economy::EconomyPlugin,
            punish::PunishPlugin,
            moderation::ModerationPlugin,
        ))
        .add_systems(Startup, setup)
        .add_systems(Update, (init_clients, despawn_disconnected_clients))
        .run();
}

fn setup(
    mut commands: Commands,
    server: Res<Server>,
    dimensions: Res<DimensionTypeRegistry>,
    biomes: Res<BiomeRegistry>,
) {
    let mut layer = LayerBundle::new(ident!("overworld"), &dimensions, &biomes, &server);

    for z in -5..5 {
        for x in -5..5 {
            layer.chunk.insert_chunk([x, z], UnloadedChunk::new());
        }
    }
    for z in -40..40 {
        for x in -40..40 {
            layer.chunk.set_block([x, SPAWN_Y, z], BlockState::SMOOTH_STONE);
        }
    }

    commands.spawn(layer);
}

fn init_clients(
    mut clients: Query<
        (
            &mut EntityLayerId,
            &mut VisibleChunkLayer,
            &mut VisibleEntityLayers,
            &mut Position,
            &mut GameMode,
        ),
        Added<Client>,
    >,
    layers: Query<Entity, (With<ChunkLayer>, With<EntityLayer>)>,
) {
    for (mut layer_id, mut visible_chunk_layer, mut visible_entity_layers, mut pos, mut game_mode) in
        &mut clients
    {
        let layer = layers.single();

        layer_id.0 = layer;
        visible_chunk_layer.0 = layer;
        visible_entity_layers.0.insert(layer);
        pos.set([0.5, f64::from(SPAWN_Y) + 1.0, 0.5]);
        *game_mode = GameMode::Adventure;
    }
}
