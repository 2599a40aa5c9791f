import { SSMClient, PutParameterCommand } from "@aws-sdk/client-ssm";

/** Plop custom action: creates placeholder SSM parameters for each environment, once per run. */
export async function seedParametersAction(answers, config, plop) {
  const name = plop.getHelper("kebabCase")(answers.name);
  const ssm = new SSMClient({ region: process.env.AWS_REGION ?? "us-east-1" });
  try {
    for (const env of config.environments) {
      await ssm.send(
        new PutParameterCommand({
          Name: `/${env}/${name}/DATABASE_URL`,
          Value: "CHANGE_ME",
          Type: "SecureString",
          Overwrite: false,
          Tags: [
            { Key: "owner", Value: answers.owner },
            { Key: "tier", Value: answers.tier },
          ],
        }),
      );
    }
    return `seeded parameters for ${config.environments.join(", ")}`;
  } finally {
    ssm.destroy();
  }
}
