// Checks Briefing's HTML files in headless Chromium: runs axe-core (WCAG 2.0/2.1/2.2 A and AA
// rules plus best practice) on each file, blocks and records every request for anything outside
// the file, and measures sideways scrolling at desktop and 320-pixel (400% zoom) widths.
//
//   node axe_check.mjs --chromium /usr/bin/chromium FILE.html [FILE.html ...]
//
// Prints one JSON object: {"axe": VERSION, "files": {FILE: {violations, outside, overflow}}}.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const WIDTHS = [1280, 390, 320];

function parseArgs(argv) {
  const files = [];
  let chromium = process.env.CHROMIUM || '/usr/bin/chromium';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--chromium') chromium = argv[++i];
    else files.push(path.resolve(argv[i]));
  }
  return { chromium, files };
}

async function checkFile(browser, file) {
  const page = await browser.newPage();
  const own = pathToFileURL(file).href;
  const outside = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url === own || url.startsWith('data:')) {
      request.continue();
    } else {
      outside.push(url);
      request.abort('blockedbyclient');
    }
  });
  // Anything the page's own Content-Security-Policy refused counts as an outside request too.
  await page.evaluateOnNewDocument(() => {
    window.__refused = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__refused.push(`${event.violatedDirective}: ${event.blockedURI}`);
    });
  });
  const overflow = {};
  for (const width of WIDTHS) {
    await page.setViewport({ width, height: 800 });
    await page.goto(own, { waitUntil: 'load' });
    overflow[width] = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(own, { waitUntil: 'load' });
  // Evaluated through the debugging protocol, which the page's policy does not govern; the
  // page itself still loads nothing.
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async (tags) => {
    const run = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return {
      violations: run.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, summary: n.failureSummary })),
      })),
      refused: window.__refused,
    };
  }, TAGS);
  await page.close();
  return { violations: result.violations, outside: [...new Set([...outside, ...result.refused])], overflow };
}

async function main() {
  const { chromium, files } = parseArgs(process.argv.slice(2));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-axe-'));
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    userDataDir: profile,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-default-apps',
      '--disable-extensions', '--no-default-browser-check'],
  });
  const report = { axe: JSON.parse(fs.readFileSync(require.resolve('axe-core/package.json'))).version, files: {} };
  try {
    for (const file of files) {
      report.files[file] = await checkFile(browser, file);
    }
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify(report, null, 1) + '\n');
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
