#!/usr/bin/env node
import { run, subcommands } from 'cmd-ts'
import { reindex } from './commands/reindex.js'
import { snapshot } from './commands/snapshot.js'

const app = subcommands({
  name: 'whctl',
  description: 'Warehouse maintenance commands',
  cmds: { reindex, snapshot },
})

run(app, process.argv.slice(2)).catch((err) => {
  console.error(err)
  process.exitCode = 1
})
