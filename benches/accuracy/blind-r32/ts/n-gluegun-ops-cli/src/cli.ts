import { build } from "gluegun";

// Each invocation of `eventsctl <command>` is its own short-lived process.
export async function run(argv: string[]) {
  const cli = build()
    .brand("eventsctl")
    .src(__dirname)
    .help()
    .version()
    .defaultCommand()
    .create();
  return cli.run(argv);
}
