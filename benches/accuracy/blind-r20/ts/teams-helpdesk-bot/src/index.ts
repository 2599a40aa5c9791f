import 'dotenv/config';
import express from 'express';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import { HelpdeskBot } from './bot';
import { pool } from './db';

const botAuth = new ConfigurationBotFrameworkAuthentication(
  process.env as ConfigurationBotFrameworkAuthenticationOptions,
);
const adapter = new CloudAdapter(botAuth);

adapter.onTurnError = async (context, error) => {
  console.error('[onTurnError]', error);
  await context.sendActivity('Sorry, something went wrong on our side.');
};

const bot = new HelpdeskBot();
const app = express();
app.use(express.json());

app.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});

app.get('/healthz', async (_req, res) => {
  await pool.query('SELECT 1');
  res.send('ok');
});

app.listen(Number(process.env.PORT ?? 3978), () => {
  console.log('helpdesk bot listening');
});
