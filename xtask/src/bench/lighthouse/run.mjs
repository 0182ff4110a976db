// One Lighthouse run through its Node API (xtask/src/bench/lighthouse/cli.rs writes this file
// beside the pinned lighthouse's node_modules and runs it with node). The API, unlike the
// command line, can put cookies in the browser itself: the app reads the readable
// `klaim_signed_in` sign from document.cookie, which an extra request header would not set.
//
// node run.mjs URL OUT_STEM COOKIES_JSON; env CHROME_PATH, KLAIM_CHROME_FLAGS.
// Writes OUT_STEM.report.json and OUT_STEM.report.html.
import fs from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import puppeteer from 'puppeteer-core';
import lighthouse from 'lighthouse';

const [url, stem, cookiesJson] = process.argv.slice(2);
const chromeFlags = (process.env.KLAIM_CHROME_FLAGS || '').split(' ').filter(Boolean);
// A fresh profile for every run: a first visit, nothing cached, no service worker.
const chrome = await chromeLauncher.launch({chromeFlags, chromePath: process.env.CHROME_PATH});
let browser;
try {
  browser = await puppeteer.connect({browserURL: `http://127.0.0.1:${chrome.port}`});
  const page = await browser.newPage();
  const cookies = JSON.parse(cookiesJson || '[]');
  if (cookies.length > 0) {
    await page.setCookie(...cookies.map((c) => ({...c, url, sameSite: 'Strict'})));
  }
  // Lighthouse's defaults: mobile form factor, simulated throttling.
  const result = await lighthouse(url, {
    output: ['json', 'html'],
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
    logLevel: 'error',
  }, undefined, page);
  if (!result) throw new Error('lighthouse returned nothing');
  fs.writeFileSync(`${stem}.report.json`, result.report[0]);
  fs.writeFileSync(`${stem}.report.html`, result.report[1]);
} finally {
  if (browser) await browser.disconnect();
  chrome.kill();
}
