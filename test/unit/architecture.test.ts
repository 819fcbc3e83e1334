// The layers of ARCHITECTURE.md, held by the import graph of the sources: no cycle, and no import from a lower
// layer to a higher one. The service is pure (no editor, no connection, no file system); the model imports nothing
// from rules, features, spelling, the host or context.ts; the host nothing from the LSP server or the CLI; the
// client only the shared protocol module.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot } from '../helpers/fixtures';

const root = repoRoot();

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Every module specifier a file imports or re-exports (type-only ones too), with the line it is on. */
export function importsOf(text: string): { specifier: string; typeOnly: boolean }[] {
  const out: { specifier: string; typeOnly: boolean }[] = [];
  // Block and line comments hold no imports (a comment may quote one).
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const match of code.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
    out.push({ specifier: match[3], typeOnly: match[2] !== undefined });
  }
  for (const match of code.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ specifier: match[1] ?? match[2], typeOnly: false });
  return out;
}

function resolveSpecifier(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return undefined;
}

const files = [...sourceFiles(join(root, 'server', 'src')), ...sourceFiles(join(root, 'client', 'src'))];
const graph = new Map<string, { target?: string; specifier: string; typeOnly: boolean }[]>();
for (const file of files) graph.set(file, importsOf(readFileSync(file, 'utf8')).map((i) => ({ ...i, target: resolveSpecifier(file, i.specifier) })));
const rel = (path: string) => relative(root, path).split('\\').join('/');

/** Imports of files under `fromDir` (relative to the root) that break `allowed`. */
function violations(fromDir: string, allowed: (target: string, specifier: string) => boolean): string[] {
  const out: string[] = [];
  for (const [file, imports] of graph) {
    if (!rel(file).startsWith(fromDir)) continue;
    for (const i of imports) {
      const target = i.target ? rel(i.target) : i.specifier;
      if (!allowed(target, i.specifier)) out.push(`${rel(file)} → ${target}`);
    }
  }
  return out;
}

describe('the import graph', () => {
  test('reads imports, re-exports, type-only imports and requires (and not comments)', () => {
    const found = importsOf(["import { a } from './a';", "import type { B } from '../b';", "export { c } from './c';", "export type { D } from './d';", "// import { x } from './x';", "const e = require('node:fs');", 'import {\n  f,\n  g,\n} from "./fg";'].join('\n'));
    assert.deepEqual(found.map((i) => `${i.specifier}${i.typeOnly ? ' (type)' : ''}`), ['./a', '../b (type)', './c', './d (type)', './fg', 'node:fs']);
  });

  test('has no cycle', () => {
    // Tarjan's strongly connected components over the resolved imports.
    let index = 0;
    const indices = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    const visit = (file: string) => {
      indices.set(file, index);
      low.set(file, index++);
      stack.push(file);
      onStack.add(file);
      for (const { target } of graph.get(file) ?? []) {
        if (!target || !graph.has(target)) continue;
        if (!indices.has(target)) {
          visit(target);
          low.set(file, Math.min(low.get(file)!, low.get(target)!));
        } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, indices.get(target)!));
      }
      if (low.get(file) === indices.get(file)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(rel(member));
        } while (member !== file);
        if (component.length > 1) cycles.push(component.sort());
      }
    };
    for (const file of graph.keys()) if (!indices.has(file)) visit(file);
    assert.deepEqual(cycles, []);
  });

  test('the service is pure: no editor, no connection, no file system, no process, nothing of the host or the faces', () => {
    const forbidden = /^(vscode|vscode-languageserver(\/node)?|vscode-languageclient.*|node:(fs|fs\/promises|child_process|net|http|https|dgram|worker_threads)|fs|child_process|net)$/;
    assert.deepEqual(
      violations('server/src/service/', (target, specifier) => !forbidden.test(specifier) && !/^server\/src\/(host|lsp|cli|boot)\//.test(target) && !target.startsWith('client/')),
      [],
    );
  });

  test('the model imports nothing from rules, features, spelling, the host or context.ts', () => {
    assert.deepEqual(
      violations('server/src/service/model/', (target) => !/^server\/src\/service\/(rules|features|spelling|match)\//.test(target) && target !== 'server/src/service/context.ts' && !/^server\/src\/(host|lsp|cli)\//.test(target)),
      [],
    );
  });

  test('the host imports nothing from the LSP server or the CLI', () => {
    assert.deepEqual(violations('server/src/host/', (target) => !/^server\/src\/(lsp|cli)\//.test(target) && !target.startsWith('client/')), []);
  });

  test('the LSP server and the CLI do not import each other', () => {
    assert.deepEqual(violations('server/src/lsp/', (target) => !target.startsWith('server/src/cli/')), []);
    assert.deepEqual(violations('server/src/cli/', (target) => !target.startsWith('server/src/lsp/')), []);
  });

  test('the client imports only the shared protocol module of the server', () => {
    assert.deepEqual(violations('client/', (target) => !target.startsWith('server/') || target === 'server/src/protocol.ts'), []);
  });

  test('the protocol module imports nothing at run time (types of LSP and of the model only)', () => {
    const imports = graph.get(join(root, 'server', 'src', 'protocol.ts')) ?? [];
    assert.deepEqual(imports.filter((i) => !i.typeOnly || !(i.target?.endsWith(join('model', 'types.ts')) || i.specifier === 'vscode-languageserver-types')).map((i) => i.specifier), []);
  });
});
