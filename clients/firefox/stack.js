'use strict';
// wsbed client stack "firefox": headless Firefox ESR from the Debian package (/usr/bin/firefox-esr),
// driven over WebDriver BiDi by puppeteer-core, which never downloads a browser. The application
// runs in the page with the plain WebSocket API; the shared driver is ../browser/driver.js.
//
//   node stack.js info | client [options]     (options: docs/contract.md)
//
// Launch: puppeteer's defaults (--headless, a fresh profile with its automation preferences, BiDi
// on a local port; Firefox has no pipe transport for BiDi); no flag of our own.
// Install: npm ci (in this folder) and apt-get install -y firefox-esr.

const puppeteer = require('puppeteer-core');
const runtime = require('wsbed-runtime');
const options = require('wsbed-runtime/lib/options');
const driver = require('../browser/driver');

const spec = {
  id: 'firefox',
  name: 'Firefox ESR (headless, page WebSocket)',
  browser: 'firefox',
  label: 'Firefox',
  executable: process.env.WSBED_FIREFOX || '/usr/bin/firefox-esr',
  args: [],
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
