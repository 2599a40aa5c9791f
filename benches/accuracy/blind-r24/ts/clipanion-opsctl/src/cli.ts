#!/usr/bin/env node
import { Builtins, Cli } from "clipanion";
import { ExportOrdersCommand } from "./commands/export.js";
import { RotateKeysCommand } from "./commands/rotate.js";
import { WatchDeadLettersCommand } from "./commands/watch.js";

const cli = new Cli({
  binaryLabel: "Acme order platform ops",
  binaryName: "opsctl",
  binaryVersion: "3.4.0",
});

cli.register(Builtins.HelpCommand);
cli.register(Builtins.VersionCommand);
cli.register(ExportOrdersCommand);
cli.register(RotateKeysCommand);
cli.register(WatchDeadLettersCommand);

cli.runExit(process.argv.slice(2));
