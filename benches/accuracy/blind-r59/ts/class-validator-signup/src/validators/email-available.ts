import { MongoClient } from "mongodb";
import {
  registerDecorator,
  ValidationArguments,
  ValidationOptions,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from "class-validator";

const LEGACY_DB = process.env.LEGACY_MONGO_URL ?? "mongodb://localhost:27017";

// Accounts created before the Postgres migration still live in the legacy
// Mongo user store, so an email is only free if neither system has it.
@ValidatorConstraint({ name: "isEmailAvailable", async: true })
export class EmailAvailableConstraint implements ValidatorConstraintInterface {
  async validate(email: string): Promise<boolean> {
    if (typeof email !== "string" || !email.includes("@")) return false;
    const legacy = new MongoClient(LEGACY_DB, { serverSelectionTimeoutMS: 2000 });
    await legacy.connect();
    const existing = await legacy
      .db("accounts")
      .collection("users")
      .findOne({ emailLower: email.toLowerCase() }, { projection: { _id: 1 } });
    return existing === null;
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} is already registered`;
  }
}

export function IsEmailAvailable(options?: ValidationOptions) {
  return function (object: object, propertyName: string): void {
    registerDecorator({
      target: object.constructor,
      propertyName,
      options,
      constraints: [],
      validator: EmailAvailableConstraint,
    });
  };
}
