import streamDeck, { action, KeyDownEvent, SingletonAction, WillAppearEvent } from "@elgato/streamdeck";
import { Pool } from "undici";

import { authHeader, DEPLOY_ORIGIN, triggerDeploy } from "../deploy-api";

type DeploySettings = {
  service?: string;
  environment?: string;
};

@action({ UUID: "com.acme.opsdeck.deploy" })
export class DeployAction extends SingletonAction<DeploySettings> {
  override onWillAppear(ev: WillAppearEvent<DeploySettings>): Promise<void> | void {
    return ev.action.setTitle(`Deploy\n${ev.payload.settings.service ?? "?"}`);
  }

  override async onKeyDown(ev: KeyDownEvent<DeploySettings>): Promise<void> {
    const { service, environment = "production" } = ev.payload.settings;
    if (!service) {
      await ev.action.showAlert();
      return;
    }
    try {
      const id = await triggerDeploy(service, environment);
      streamDeck.logger.info(`deployment ${id} started for ${service}`);
      await ev.action.showOk();
    } catch (err) {
      streamDeck.logger.error(`deploy ${service}: ${err}`);
      await ev.action.showAlert();
    }
  }
}

// Rollbacks go through the same deploy service; they get a small dedicated pool so they are
// never stuck behind a slow deploy request.
const rollbackApi = new Pool(DEPLOY_ORIGIN, { connections: 2, keepAliveTimeout: 30_000 });

@action({ UUID: "com.acme.opsdeck.rollback" })
export class RollbackAction extends SingletonAction<DeploySettings> {
  override async onKeyDown(ev: KeyDownEvent<DeploySettings>): Promise<void> {
    const { service, environment = "production" } = ev.payload.settings;
    if (!service) {
      await ev.action.showAlert();
      return;
    }
    const { statusCode, body } = await rollbackApi.request({
      path: `/v1/services/${encodeURIComponent(service)}/rollback`,
      method: "POST",
      headers: await authHeader(),
      body: JSON.stringify({ environment }),
    });
    await body.dump();
    if (statusCode >= 300) {
      await ev.action.showAlert();
      return;
    }
    await ev.action.showOk();
  }
}
