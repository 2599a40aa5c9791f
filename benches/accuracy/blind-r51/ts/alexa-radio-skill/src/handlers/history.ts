import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { getIntentName, getRequestType, HandlerInput, RequestHandler } from 'ask-sdk-core';

import { lastPlays } from '../repo/plays';

export const RecentlyPlayedHandler: RequestHandler = {
  canHandle(input: HandlerInput) {
    return (
      getRequestType(input.requestEnvelope) === 'IntentRequest' &&
      getIntentName(input.requestEnvelope) === 'RecentlyPlayedIntent'
    );
  },
  async handle(input: HandlerInput) {
    const plays = await lastPlays(3);

    // remember what we told this listener so the "play that again" intent can resolve it
    const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({ region: process.env.AWS_REGION }));
    await ddb.send(
      new PutCommand({
        TableName: process.env.SESSION_TABLE,
        Item: {
          userId: input.requestEnvelope.context.System.user.userId,
          lastAnnounced: plays.map((p) => p.title),
          ttl: Math.floor(Date.now() / 1000) + 3600,
        },
      }),
    );

    const list = plays.map((p) => `${p.title} by ${p.artist}`).join(', then ');
    return input.responseBuilder.speak(`Recently on air: ${list}.`).getResponse();
  },
};
