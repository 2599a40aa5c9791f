import { BaseComponent, Component, Intents } from "@jovotech/framework";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, UpdateCommand } from "@aws-sdk/lib-dynamodb";

import { findItem, openCatalog } from "../services/catalog";
import { getBalance, LOYALTY_TABLE } from "../services/loyalty";

@Component()
export class OrderComponent extends BaseComponent {
  START() {
    return this.$send({
      message: "What can I get started for you?",
      listen: true,
    });
  }

  @Intents(["OrderIntent"])
  async order() {
    const spoken = this.$entities.drink?.value;
    const storeId = (this.$user.data.storeId as string | undefined) ?? "downtown";
    if (!spoken) {
      return this.$send({ message: "Which drink would you like?", listen: true });
    }

    const catalog = await openCatalog();
    const item = await findItem(catalog, spoken, storeId);
    if (!item) {
      return this.$send({
        message: `Sorry, ${spoken} isn't on the menu at this store. Anything else?`,
        listen: true,
      });
    }

    this.$session.data.cart = [...((this.$session.data.cart as string[]) ?? []), item.sku];
    return this.$send({
      message: `One ${item.name}, that's $${(item.priceCents / 100).toFixed(2)}. Anything else?`,
      listen: true,
    });
  }

  @Intents(["BalanceIntent"])
  async balance() {
    const points = await getBalance(this.$user.id!);
    return this.$send(`You have ${points} points.`);
  }

  @Intents(["RedeemIntent"])
  async redeem() {
    const region = (this.$user.data.homeRegion as string | undefined) ?? "eu-west-1";
    const regional = DynamoDBDocumentClient.from(new DynamoDBClient({ region }));

    const out = await regional.send(
      new UpdateCommand({
        TableName: LOYALTY_TABLE,
        Key: { pk: `user#${this.$user.id}` },
        UpdateExpression: "SET points = points - :cost",
        ConditionExpression: "points >= :cost",
        ExpressionAttributeValues: { ":cost": 100 },
        ReturnValues: "UPDATED_NEW",
      }),
    );
    this.$session.data.freeDrink = true;
    return this.$send({
      message: `Redeemed! Your next drink is free. ${out.Attributes?.points} points left.`,
      listen: true,
    });
  }

  @Intents(["AMAZON.StopIntent", "DoneIntent"])
  done() {
    const cart = (this.$session.data.cart as string[]) ?? [];
    return this.$send({ message: `Ordering ${cart.length} items. See you soon!`, listen: false });
  }

  UNHANDLED() {
    return this.START();
  }
}
