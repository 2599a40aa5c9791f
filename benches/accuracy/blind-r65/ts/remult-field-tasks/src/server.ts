import express from 'express'
import session from 'express-session'
import { remultExpress } from 'remult/remult-express'
import { createPostgresDataProvider } from 'remult/postgres'
import { Task } from './entities/Task'
import { TasksController } from './controllers/TasksController'

declare module 'express-session' {
  interface SessionData {
    user?: { id: string; name: string; roles: string[] }
  }
}

const app = express()

app.use(
  session({
    secret: process.env.SESSION_SECRET ?? 'dev-only',
    resave: false,
    saveUninitialized: false,
  }),
)

app.use(
  remultExpress({
    entities: [Task],
    controllers: [TasksController],
    dataProvider: createPostgresDataProvider({
      connectionString: process.env.DATABASE_URL,
    }),
    getUser: (req) => req.session.user,
  }),
)

app.get('/healthz', (_req, res) => {
  res.json({ ok: true })
})

app.listen(Number(process.env.PORT ?? 3002), () => {
  console.log('field-tasks api ready')
})
