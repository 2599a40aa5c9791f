import streamDeck, { LogLevel } from '@elgato/streamdeck';
import { OnCall } from './actions/oncall';
import { QueueDepth } from './actions/queue-depth';
import { ReleasePipeline } from './actions/release-pipeline';

streamDeck.logger.setLevel(LogLevel.INFO);

streamDeck.actions.registerAction(new ReleasePipeline());
streamDeck.actions.registerAction(new QueueDepth());
streamDeck.actions.registerAction(new OnCall());

streamDeck.connect();
