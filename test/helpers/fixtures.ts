import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root, found from wherever the bundled test runs. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'server'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the repository root');
    dir = parent;
  }
  return dir;
}

export function fixturePath(...parts: string[]): string {
  return join(repoRoot(), 'test', 'fixtures', ...parts);
}

export function readFixture(...parts: string[]): string {
  return readFileSync(fixturePath(...parts), 'utf8');
}

export function listFixtures(...parts: string[]): string[] {
  const dir = fixturePath(...parts);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.(md|txt|resume|org|rst)$/.test(name) && !/\.fixed\.(md|txt|resume|org|rst)$/.test(name) && !/\.outline\.txt$/.test(name) && !name.startsWith('_'))
    .sort();
}

/** One expected finding written inline: `{rule-id}` or `{rule-id:col}` at the end of its line (col 1-based). */
export interface ExpectedFinding {
  ruleId: string;
  line: number; // 0-based
  column?: number; // 0-based
}

const MARKERS = /(?:[ \t]+\{[a-z]+(?:-[a-z0-9]+)*(?::\d+)?\})+[ \t]*$/;
const MARKER = /\{([a-z]+(?:-[a-z0-9]+)*)(?::(\d+))?\}/g;

/**
 * Strips the inline expectations from a fixture (markdownlint style: the markers sit at the end of the line
 * they are about) and returns the text the rules see plus the expected findings. `␠` stands for a space the
 * fixture must keep where an editor would strip it (trailing spaces before a marker), `␉` for a tab.
 */
export function parseFixture(source: string): { text: string; expected: ExpectedFinding[] } {
  const expected: ExpectedFinding[] = [];
  const lines = source.split('\n').map((line, index) => {
    const markers = MARKERS.exec(line);
    if (!markers) return line;
    for (const match of markers[0].matchAll(MARKER)) {
      expected.push({ ruleId: match[1], line: index, column: match[2] ? Number(match[2]) - 1 : undefined });
    }
    return line.slice(0, markers.index);
  });
  return { text: lines.join('\n').replace(/␠/g, ' ').replace(/␉/g, '\t'), expected };
}
