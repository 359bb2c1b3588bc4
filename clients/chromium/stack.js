'use strict';
// wsbed client stack "chromium": headless Chromium from the Debian package (/usr/bin/chromium),
// driven over CDP (a pipe) by puppeteer-core, which never downloads a browser. The application
// runs in the page with the plain WebSocket API; the shared driver is ../browser/driver.js.
//
//   node stack.js info | client [options]     (options: docs/contract.md)
//
// Launch flags on top of puppeteer's defaults, none of which touches networking or WebSocket:
//   --no-sandbox   Chromium refuses to start as root without it (CI and this machine run as root)
//   --disable-gpu  no GPU process to start (a headless page draws nothing we need)
// Install: npm ci (in this folder) and apt-get install -y chromium.

const puppeteer = require('puppeteer-core');
const runtime = require('wsbed-runtime');
const options = require('wsbed-runtime/lib/options');
const driver = require('../browser/driver');

const spec = {
  id: 'chromium',
  name: 'Chromium (headless, page WebSocket)',
  browser: 'chrome',
  label: 'Chromium',
  executable: process.env.WSBED_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
  dir: __dirname,
  puppeteer,
  runtime,
  options,
  runtimeFile: (name) => require.resolve(`wsbed-runtime/lib/${name}`),
};

module.exports = { spec };

if (require.main === module) {
  driver.run(process.argv.slice(2), spec);
}
