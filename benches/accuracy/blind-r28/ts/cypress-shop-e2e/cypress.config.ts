import { defineConfig } from 'cypress'
import { createDbTasks } from './cypress/support/db-tasks'

export default defineConfig({
  e2e: {
    baseUrl: 'http://localhost:3000',
    specPattern: 'cypress/e2e/**/*.cy.ts',
    supportFile: false,
    video: false,
    retries: { runMode: 2, openMode: 0 },
    defaultCommandTimeout: 8000,
    env: {
      DATABASE_URL: 'postgres://shop:shop@localhost:5432/shop_test',
      MONGO_URL: 'mongodb://localhost:27017/?directConnection=true',
    },
    // Runs once in the Cypress node process when the config is loaded; the clients built by
    // createDbTasks are shared by every cy.task() call of the whole run.
    setupNodeEvents(on, config) {
      const db = createDbTasks({
        databaseUrl: config.env.DATABASE_URL,
        mongoUrl: config.env.MONGO_URL,
      })

      on('task', db.tasks)

      on('after:run', async () => {
        await db.close()
      })

      on('before:browser:launch', (browser, launchOptions) => {
        if (browser.family === 'chromium' && browser.name !== 'electron') {
          launchOptions.args.push('--lang=en-GB')
        }
        return launchOptions
      })

      return config
    },
  },
})
