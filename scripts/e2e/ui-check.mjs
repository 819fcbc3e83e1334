// UI check in the real workbench (code-server + headless Debian chromium): opens a résumé, waits for vita's
// squiggle, moves the mouse onto it, waits for the hover, asserts both and saves test-results/vscode.png; then
// matches it against test/e2e/workspace/job.md through the command's picker and saves the Job Match view
// (test-results/job-match.png), opens the timeline and clicks a bar in the webview (test-results/timeline.png),
// and edits the résumé and reads the breadcrumbs (test-results/breadcrumbs.png). Each step asserts what it shows.
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
  const findSpot = () => editor.evaluate((root, needle) => {
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
  // Diagnostics can arrive in more than one publish (and render a frame apart), so the first squiggle on screen
  // need not be the one under opts.at yet: look again until it is there, for as long as the squiggles may take.
  let spot;
  let underlined = false;
  for (const deadline = Date.now() + 30_000; !underlined && Date.now() < deadline;) {
    spot = await findSpot();
    if (spot) {
      for (const squiggle of await squiggles.all()) {
        const box = await squiggle.boundingBox();
        if (box && box.x <= spot.right && box.x + box.width >= spot.left && Math.abs(box.y - spot.y) < 20) underlined = true;
      }
    }
    if (!underlined) await page.waitForTimeout(250);
  }
  if (!spot) throw new Error(`"${opts.at}" is not visible in the editor`);
  if (!underlined) throw new Error(`no squiggle under "${opts.at}" after 30 s`);
  // Several hidden .monaco-hover nodes exist; wait for the one that carries vita's finding, then for its fade-in.
  // A hover asked for while the editor is still busy can be dropped: move away and back, up to three times.
  const hover = page.locator('.monaco-hover-content', { hasText: /bullet-stray-glyph/ }).first();
  for (let attempt = 1; ; attempt++) {
    await page.mouse.move(spot.x, spot.y);
    try {
      await hover.waitFor({ state: 'visible', timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw new Error(`no hover over "${opts.at}" after ${attempt} tries: ${error.message.split('\n')[0]}`);
      log(`no hover yet over "${opts.at}" (try ${attempt}); moving away and back`);
      await page.mouse.move(5, 400);
      await page.waitForTimeout(500);
    }
  }
  await hover.evaluate((element) => Promise.all(
    (element.closest('.monaco-hover') ?? element).getAnimations({ subtree: true }).map((animation) => animation.finished)));
  // The status part of the hover says "Checking for quick fixes..." until the code actions arrive.
  await hover.locator('xpath=ancestor::*[contains(@class,"monaco-hover")][1]')
    .locator('text=Checking for quick fixes').waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
  const hoverText = (await hover.innerText()).replace(/\s+/g, ' ').trim();
  log(`hover: ${JSON.stringify(hoverText)}`);
  if (!/vita/.test(hoverText)) throw new Error('the hover does not name vita as the source');
  mkdirSync(join(REPO, 'test-results'), { recursive: true });
  await page.screenshot({ path: screenshot });
  log(`screenshot: ${screenshot}`);
  await page.mouse.move(5, 400);
  await page.keyboard.press('Escape');

  // The palette runs a command by its title, as a user does.
  const runCommand = async (title) => {
    await editor.locator('.view-lines').click();
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 10_000 });
    await input.fill(`>${title}`);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
  };

  // Job match: the picker lists job.md; the Job Match view lists the requirements by status; the status bar shows
  // the coverage.
  await runCommand('Match Résumé Against Job Description');
  const pick = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'job.md' }).first();
  await pick.waitFor({ timeout: 15_000 });
  await pick.click();
  // Room for the view: fold the file list away.
  await page.locator('.pane-header', { hasText: 'Workspace' }).first().click();
  const view = page.locator('.pane', { hasText: 'Job Match' }).first();
  // The groups render first and their requirements a moment later (the tree expands them when their children
  // arrive), so wait for a requirement, not for a group.
  await view.locator('.monaco-list-row', { hasText: 'Kubernetes' }).first().waitFor({ timeout: 30_000 });
  const viewText = (await view.innerText()).replace(/\s+/g, ' ');
  log(`job match view: ${JSON.stringify(viewText.slice(0, 200))}`);
  for (const term of ['Missing', 'Kubernetes', 'Terraform']) if (!viewText.includes(term)) throw new Error(`the Job Match view does not list ${term}`);
  const status = page.locator('.statusbar', { hasText: /job: \d+%/ });
  await status.first().waitFor({ timeout: 15_000 }).catch(() => log('the coverage is in the language status (not pinned to the status bar)'));
  const jobShot = join(REPO, 'test-results/job-match.png');
  await page.screenshot({ path: jobShot });
  log(`screenshot: ${jobShot}`);

  // Timeline: a webview beside the editor; a click on a bar puts the cursor on the entry's title line.
  await runCommand('Show Résumé Timeline');
  const frame = page.frameLocator('iframe.webview').last().frameLocator('#active-frame');
  const bar = frame.locator('g.bar').first();
  await bar.waitFor({ timeout: 30_000 });
  const line = Number(await bar.getAttribute('data-line'));
  const timelineShot = join(REPO, 'test-results/timeline.png');
  await page.screenshot({ path: timelineShot });
  log(`screenshot: ${timelineShot}`);
  await bar.locator('rect').click();
  // The editor marks the cursor's line number (whether or not the click left the focus in the webview, which a slow
  // machine can do), so read the cursor from the gutter rather than from the status bar's "Ln N, Col M".
  const cursor = editor.locator('.line-numbers.active-line-number', { hasText: new RegExp(`^${line + 1}$`) });
  await cursor.first().waitFor({ timeout: 15_000 });
  log(`a click on the first bar put the cursor on line ${line + 1}`);

  // Breadcrumbs: after an edit they still show vita's section and entry for the cursor.
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' ');
  const crumbs = page.locator('.breadcrumbs-control').first();
  await page.keyboard.press(`Control+g`);
  await page.keyboard.type(String(line + 2));
  await page.keyboard.press('Enter');
  await crumbs.locator('.monaco-breadcrumb-item', { hasText: /EXPERIENCE|Experience/ }).first().waitFor({ timeout: 15_000 });
  await crumbs.locator('.monaco-breadcrumb-item', { hasText: 'Northwind' }).first().waitFor({ timeout: 15_000 });
  log(`breadcrumbs: ${JSON.stringify((await crumbs.innerText()).replace(/\s+/g, ' '))}`);
  const crumbShot = join(REPO, 'test-results/breadcrumbs.png');
  await page.screenshot({ path: crumbShot });
  log(`screenshot: ${crumbShot}`);
  ok = true;
} catch (error) {
  log(`FAILED: ${error instanceof Error ? error.message : error}`);
  if (server) console.log(tail(server.logFile, 20));
} finally {
  if (page) {
    mkdirSync(join(REPO, 'test-results'), { recursive: true });
    if (!ok) {
      const failed = join(REPO, 'test-results/ui-check-failed.png');
      await page.screenshot({ path: failed }).catch((e) => log(`screenshot failed: ${e.message}`));
      log(`screenshot: ${failed}`);
    }
    if (ok && opts.docs) {
      mkdirSync(join(REPO, 'docs/images'), { recursive: true });
      copyFileSync(screenshot, join(REPO, 'docs/images/vscode.png'));
      copyFileSync(join(REPO, 'test-results/job-match.png'), join(REPO, 'docs/images/job-match.png'));
      copyFileSync(join(REPO, 'test-results/timeline.png'), join(REPO, 'docs/images/timeline.png'));
      log('copied to docs/images/ (vscode.png, job-match.png, timeline.png)');
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
