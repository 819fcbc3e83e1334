// UI check in the real workbench (code-server + headless Debian chromium): opens a résumé, waits for vita's
// squiggle, moves the mouse onto it, waits for the hover, asserts both and saves test-results/vscode.png.
//
//   node scripts/e2e/ui-check.mjs              the extension in this repo (dist/ must be built)
//   options: --vsix (package and install vita.vsix instead), --file <name in test/e2e/workspace> (default jane.resume),
//            --at <text whose first character is squiggled> (default "o Technologies"), --docs (also copy the screenshot to
//            docs/images/vscode.png), --keep (keep the temp folder)
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  REPO, createRunDir, ensureCodeServer, installVsix, launchChromium, log, run, startCodeServer, tail, workbenchUrl,
} from './lib.mjs';

const { values: opts } = parseArgs({
  options: {
    vsix: { type: 'boolean', default: false },
    file: { type: 'string', default: 'jane.resume' },
    at: { type: 'string', default: 'o Technologies' },
    docs: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const screenshot = join(REPO, 'test-results/vscode.png');

let server;
let browser;
let page;
let runDir;
let ok = false;
try {
  ensureCodeServer();
  // For a readable screenshot: long bullets wrap, and the hover opens below the line so the entry's title and
  // dates above it stay visible.
  runDir = createRunDir({ settings: { 'editor.wordWrap': 'on', 'editor.hover.above': false } });
  const payload = [];
  if (opts.vsix) {
    run('npm', ['run', '--silent', 'package']);
    installVsix(runDir, join(REPO, 'vita.vsix'));
  } else {
    if (!existsSync(join(REPO, 'dist/client.js'))) throw new Error('dist/client.js missing: run npm run build');
    payload.push(['extensionDevelopmentPath', REPO], ['skipWelcome', 'true']);
  }
  server = await startCodeServer(runDir);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 });
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  await page.goto(workbenchUrl(server, runDir.workspace, payload));
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  log('workbench loaded');

  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: opts.file }).first();
  await row.click({ timeout: 30_000 });
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.view-lines').waitFor({ timeout: 30_000 });
  log(`${opts.file} open`);

  const squiggles = editor.locator('.squiggly-warning, .squiggly-error, .squiggly-info');
  await squiggles.first().waitFor({ timeout: 30_000 });
  log(`squiggles rendered: ${await squiggles.count()}`);

  // Put the mouse on the first character of opts.at (a line can carry several findings, so aim at the character,
  // not at "a squiggle on the line"). Monaco renders spaces as U+00A0; locator.hover() on a squiggle times out
  // because the text layer intercepts pointer events, so measure the glyph and move the mouse there.
  const spot = await editor.evaluate((root, needle) => {
    for (const line of root.querySelectorAll('.view-line')) {
      const text = (line.textContent ?? '').replace(/\u00a0/g, ' ');
      let index = text.indexOf(needle);
      if (index < 0) continue;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent.length;
        if (index < length) {
          const range = document.createRange();
          range.setStart(node, index);
          range.setEnd(node, index + 1);
          const r = range.getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + r.height / 2, left: r.left, right: r.right };
        }
        index -= length;
      }
    }
    return undefined;
  }, opts.at);
  if (!spot) throw new Error(`"${opts.at}" is not visible in the editor`);
  let underlined = false;
  for (const squiggle of await squiggles.all()) {
    const box = await squiggle.boundingBox();
    if (box && box.x <= spot.right && box.x + box.width >= spot.left && Math.abs(box.y - spot.y) < 20) underlined = true;
  }
  if (!underlined) throw new Error(`no squiggle under "${opts.at}"`);
  await page.mouse.move(spot.x, spot.y);
  // Several hidden .monaco-hover nodes exist; wait for the one that carries vita's finding, then for its fade-in.
  const hover = page.locator('.monaco-hover-content', { hasText: /bullet-stray-glyph/ }).first();
  await hover.waitFor({ state: 'visible', timeout: 15_000 });
  await hover.evaluate((element) => Promise.all(
    (element.closest('.monaco-hover') ?? element).getAnimations({ subtree: true }).map((animation) => animation.finished)));
  // The status part of the hover says "Checking for quick fixes..." until the code actions arrive.
  await hover.locator('xpath=ancestor::*[contains(@class,"monaco-hover")][1]')
    .locator('text=Checking for quick fixes').waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
  const hoverText = (await hover.innerText()).replace(/\s+/g, ' ').trim();
  log(`hover: ${JSON.stringify(hoverText)}`);
  if (!/vita/.test(hoverText)) throw new Error('the hover does not name vita as the source');
  ok = true;
} catch (error) {
  log(`FAILED: ${error instanceof Error ? error.message : error}`);
  if (server) console.log(tail(server.logFile, 20));
} finally {
  if (page) {
    mkdirSync(join(REPO, 'test-results'), { recursive: true });
    await page.screenshot({ path: screenshot }).catch((e) => log(`screenshot failed: ${e.message}`));
    log(`screenshot: ${screenshot}`);
    if (ok && opts.docs) {
      mkdirSync(join(REPO, 'docs/images'), { recursive: true });
      copyFileSync(screenshot, join(REPO, 'docs/images/vscode.png'));
      log('copied to docs/images/vscode.png');
    }
  }
  await browser?.close().catch(() => {});
  await server?.stop();
  if (runDir) {
    if (opts.keep || !ok) log(`run folder kept: ${runDir.dir}`);
    else runDir.dispose();
  }
}
log(ok ? 'PASS' : 'FAIL');
process.exit(ok ? 0 : 1);
