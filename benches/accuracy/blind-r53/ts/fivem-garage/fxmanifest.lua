fx_version 'cerulean'
game 'gta5'

author 'Harbor City RP dev team'
description 'City garage: store, retrieve and impound player vehicles'
version '1.3.0'

server_script 'dist/server.js'
client_script 'dist/client.js'

dependencies {
  'spawnmanager'
}
