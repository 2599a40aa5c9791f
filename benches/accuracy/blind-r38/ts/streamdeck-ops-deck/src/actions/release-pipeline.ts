import streamDeck, { action, KeyDownEvent, SingletonAction, WillAppearEvent } from '@elgato/streamdeck';
import { CodePipelineClient, StartPipelineExecutionCommand } from '@aws-sdk/client-codepipeline';

type ReleaseSettings = { pipeline?: string; region?: string; profileLabel?: string };

@action({ UUID: 'com.acme.opsdeck.release' })
export class ReleasePipeline extends SingletonAction<ReleaseSettings> {
  override onWillAppear(ev: WillAppearEvent<ReleaseSettings>): Promise<void> {
    return ev.action.setTitle(ev.payload.settings.profileLabel ?? 'Release');
  }

  override async onKeyDown(ev: KeyDownEvent<ReleaseSettings>): Promise<void> {
    const { pipeline, region = 'eu-west-1' } = ev.payload.settings;
    if (!pipeline) {
      await ev.action.showAlert();
      return;
    }

    const codepipeline = new CodePipelineClient({ region });
    try {
      const out = await codepipeline.send(new StartPipelineExecutionCommand({ name: pipeline }));
      streamDeck.logger.info(`started ${pipeline}: ${out.pipelineExecutionId}`);
      await ev.action.showOk();
    } catch (err) {
      streamDeck.logger.error(`could not start ${pipeline}`, err);
      await ev.action.showAlert();
    }
  }
}
