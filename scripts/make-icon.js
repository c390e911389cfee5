#!/usr/bin/env node
'use strict';
// Renders media/icon-marketplace.svg to media/icon.png (256×256, transparent corners), the
// PNG icon the Marketplace needs. Uses the test host's Chromium and playwright-core (see
// scripts/setup-vscode-host.sh); run again after changing the SVG and commit the PNG.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const hostDir = path.resolve(process.env.VSCODE_HOST_DIR || path.join(root, '.vscode-host'));
const { chromium } = require(require.resolve('playwright-core', { paths: [hostDir] }));

async function main() {
  const svg = fs.readFileSync(path.join(root, 'media', 'icon-marketplace.svg'), 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 256, height: 256 } });
    await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.screenshot({
      path: path.join(root, 'media', 'icon.png'),
      omitBackground: true,
      clip: { x: 0, y: 0, width: 256, height: 256 },
    });
  } finally {
    await browser.close();
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
