'use strict'

const mcServer = require('flying-squid')

mcServer.createMCServer({
  motd: 'Vault SMP \nstats at vault.example.net',
  port: 25565,
  'max-players': 40,
  'online-mode': true,
  logging: true,
  gameMode: 0,
  difficulty: 1,
  worldFolder: 'world',
  generation: { name: 'diamond_square', options: { worldHeight: 80 } },
  kickTimeout: 10000,
  plugins: {
    'fs-vault-stats': {}
  },
  modpe: false,
  'view-distance': 10,
  'player-list-text': { header: 'Vault SMP', footer: '/top for the leaderboard' },
  'everybody-op': false,
  'max-entities': 100,
  version: '1.16.5'
})
