import { getIntentName, getRequestType, getSlotValue, HandlerInput, RequestHandler } from 'ask-sdk-core';
import { RowDataPacket } from 'mysql2/promise';

import { pool } from '../db';
import { lastPlays } from '../repo/plays';

const MAX_FAVORITES = 25;

export const AddFavoriteHandler: RequestHandler = {
  canHandle(input: HandlerInput) {
    return (
      getRequestType(input.requestEnvelope) === 'IntentRequest' &&
      getIntentName(input.requestEnvelope) === 'AddFavoriteIntent'
    );
  },
  async handle(input: HandlerInput) {
    const userId = input.requestEnvelope.context.System.user.userId;
    const [current] = await lastPlays(1);
    if (!current) {
      return input.responseBuilder.speak('Nothing is playing right now.').getResponse();
    }

    const conn = await pool.getConnection();
    await conn.beginTransaction();
    const [countRows] = await conn.query<RowDataPacket[]>(
      'SELECT COUNT(*) AS n FROM favorites WHERE alexa_user = ? FOR UPDATE',
      [userId],
    );
    if (countRows[0].n >= MAX_FAVORITES) {
      return input.responseBuilder
        .speak(`You already have ${MAX_FAVORITES} favourites. Remove one first.`)
        .getResponse();
    }
    await conn.query('INSERT INTO favorites (alexa_user, title, artist) VALUES (?, ?, ?)', [
      userId,
      current.title,
      current.artist,
    ]);
    await conn.commit();
    conn.release();

    return input.responseBuilder.speak(`Added ${current.title} by ${current.artist}.`).getResponse();
  },
};

export const ListFavoritesHandler: RequestHandler = {
  canHandle(input: HandlerInput) {
    return (
      getRequestType(input.requestEnvelope) === 'IntentRequest' &&
      getIntentName(input.requestEnvelope) === 'ListFavoritesIntent'
    );
  },
  async handle(input: HandlerInput) {
    const userId = input.requestEnvelope.context.System.user.userId;
    const artist = getSlotValue(input.requestEnvelope, 'artist');
    const [rows] = await pool.query<RowDataPacket[]>(
      'SELECT title FROM favorites WHERE alexa_user = ? AND (? IS NULL OR artist = ?) ORDER BY id DESC LIMIT 5',
      [userId, artist ?? null, artist ?? null],
    );
    const speech = rows.length ? `Your favourites: ${rows.map((r) => r.title).join(', ')}.` : 'No favourites yet.';
    return input.responseBuilder.speak(speech).getResponse();
  },
};
