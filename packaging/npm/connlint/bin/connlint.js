#!/usr/bin/env node
// The `connlint` command of the npm package: finds the executable in the platform package npm
// installed beside this one (an optionalDependency such as @connlint/linux-x64-gnu, picked by npm
// from its `os`, `cpu` and `libc` fields) and runs it with the same arguments, stdio and exit code.
// No postinstall step and no download: what npm installed from the registry is all there is.
"use strict";

const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const { platforms } = require("../platforms.json");

/** "glibc", "musl", or null off Linux (as npm decides which `libc` a package fits). */
function libc() {
  if (process.platform !== "linux") {
    return null;
  }
  try {
    const report = process.report && process.report.getReport();
    const header = report && (typeof report === "string" ? JSON.parse(report) : report).header;
    return header && header.glibcVersionRuntime ? "glibc" : "musl";
  } catch {
    return fs.existsSync("/etc/alpine-release") ? "musl" : "glibc";
  }
}

function describe() {
  const c = libc();
  return `${process.platform} ${process.arch}${c ? ` (${c})` : ""}`;
}

/** The platform packages that can run here, best first: on glibc the gnu build, then the static musl one. */
function candidates() {
  const c = libc();
  const fit = platforms.filter((p) => p.os === process.platform && p.cpu === process.arch);
  if (c === "musl") {
    return fit.filter((p) => p.libc === "musl");
  }
  return fit.sort((a, b) => (a.libc === "musl") - (b.libc === "musl"));
}

function binaryIn(pkg) {
  let manifest;
  try {
    manifest = require.resolve(`${pkg}/package.json`);
  } catch {
    return null;
  }
  const file = path.join(path.dirname(manifest), process.platform === "win32" ? "connlint.exe" : "connlint");
  return fs.existsSync(file) ? file : null;
}

function findBinary() {
  const override = process.env.CONNLINT_BINARY;
  if (override) {
    if (!fs.existsSync(override)) {
      fail(`CONNLINT_BINARY is set to ${override}, which does not exist.`);
    }
    return override;
  }
  const fit = candidates();
  if (fit.length === 0) {
    const supported = platforms.map((p) => `${p.os} ${p.cpu}${p.libc ? ` (${p.libc})` : ""}`).join(", ");
    fail(
      `connlint has no prebuilt binary for ${describe()}.\n` +
        `Prebuilt: ${supported}.\n` +
        "Build it from source with `cargo install connlint`, then set CONNLINT_BINARY to its path.",
    );
  }
  for (const p of fit) {
    const file = binaryIn(p.npm);
    if (file) {
      return file;
    }
  }
  const names = fit.map((p) => p.npm).join(" or ");
  fail(
    `the connlint binary for ${describe()} is not installed: ${names} is missing.\n` +
      "npm installs it as an optional dependency of `connlint`: reinstall without --omit=optional / " +
      `--no-optional, or add it yourself (npm i -D ${fit[0].npm}).`,
  );
}

function fail(message) {
  process.stderr.write(`connlint: ${message}\n`);
  process.exit(2);
}

const binary = findBinary();
const result = spawnSync(binary, process.argv.slice(2), { stdio: "inherit", windowsHide: true });
if (result.error) {
  fail(`cannot run ${binary}: ${result.error.message}`);
}
if (result.signal) {
  // Die of the same signal, so that a shell or CI sees what the executable saw.
  process.kill(process.pid, result.signal);
}
process.exit(result.status === null ? 2 : result.status);
