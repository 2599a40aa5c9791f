import express from 'express';
import { ErrorHandler, getRequestType, HandlerInput, RequestHandler, SkillBuilders } from 'ask-sdk-core';
import { ExpressAdapter } from 'ask-sdk-express-adapter';

import { AddFavoriteHandler, ListFavoritesHandler } from './handlers/favorites';
import { RecentlyPlayedHandler } from './handlers/history';

const LaunchHandler: RequestHandler = {
  canHandle: (input: HandlerInput) => getRequestType(input.requestEnvelope) === 'LaunchRequest',
  handle: (input: HandlerInput) =>
    input.responseBuilder
      .speak('Welcome to Radio Oberland. You can ask what was just played.')
      .reprompt('What would you like to do?')
      .getResponse(),
};

const FallbackErrorHandler: ErrorHandler = {
  canHandle: () => true,
  handle(input, error) {
    console.error('skill error', error);
    return input.responseBuilder.speak('Sorry, something went wrong.').getResponse();
  },
};

const skill = SkillBuilders.custom()
  .addRequestHandlers(LaunchHandler, AddFavoriteHandler, ListFavoritesHandler, RecentlyPlayedHandler)
  .addErrorHandlers(FallbackErrorHandler)
  .withCustomUserAgent('radio-oberland/1.3')
  .create();

const adapter = new ExpressAdapter(skill, true, true);
const app = express();
app.post('/alexa', adapter.getRequestHandlers());
app.get('/healthz', (_req, res) => res.send('ok'));

app.listen(Number(process.env.PORT ?? 8080), () => console.log('alexa endpoint ready'));
