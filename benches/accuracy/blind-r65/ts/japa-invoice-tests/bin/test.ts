import { assert } from '@japa/assert'
import { configure, processCLIArgs, run } from '@japa/runner'
import { closeTestPool, testPool } from '../tests/helpers/db.js'

processCLIArgs(process.argv.splice(2))

configure({
  files: ['tests/**/*.spec.ts'],
  plugins: [assert()],
  setup: [
    async () => {
      await testPool().query('SELECT 1')
    },
  ],
  teardown: [closeTestPool],
})

run()
