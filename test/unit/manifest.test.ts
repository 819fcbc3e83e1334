// package.json is part of the public contract: its settings, commands, file names and trust restrictions must be
// the ones the code uses (server/src/protocol.ts), and the config schema must be the one generated from it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { renderConfigSchema } from '../../scripts/config-schema';
import { ClientCommands, INTERNAL_CLIENT_COMMANDS, isResumeFileName, RESTRICTED_SETTING_KEYS, RESUME_LANGUAGE_EXTENSIONS, RESUME_LANGUAGE_FILENAMES, SETTING_KEYS } from '../../server/src/protocol';
import { allRules } from '../../server/src/service/rules/index';
import { repoRoot } from '../helpers/fixtures';

const manifest = JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8'));

describe('package.json', () => {
  test('contributes exactly the settings vita reads (SETTING_KEYS, with "vita.")', () => {
    assert.deepEqual(Object.keys(manifest.contributes.configuration.properties).sort(), SETTING_KEYS.map((key) => `vita.${key}`).sort());
  });

  test('restricts in untrusted workspaces exactly the settings vita restricts in .vita/config.json', () => {
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, RESTRICTED_SETTING_KEYS.map((key) => `vita.${key}`));
  });

  test('contributes the palette commands the client registers', () => {
    const contributed = manifest.contributes.commands.map((command: { command: string }) => command.command).sort();
    const palette = Object.values(ClientCommands).filter((id) => !INTERNAL_CLIENT_COMMANDS.includes(id));
    assert.deepEqual(contributed, [...palette].sort());
  });

  test("the resume language's extensions and file names are the ones vita serves by name", () => {
    const [language] = manifest.contributes.languages;
    assert.deepEqual(language.extensions, RESUME_LANGUAGE_EXTENSIONS);
    assert.deepEqual(language.filenames, RESUME_LANGUAGE_FILENAMES);
    for (const name of ['resume.md', 'CV.txt', 'Cv.markdown', 'jane.resume', 'jane.cv.md', 'jane.resume.txt', 'resume.txt']) assert.ok(isResumeFileName(name), name);
    for (const name of ['notes.md', 'resume.pdf', 'my-resume.md', '.resume', 'cv.md.bak']) assert.ok(!isResumeFileName(name), name);
  });

  test('validates .vita/config.json with schemas/config.schema.json, which is what `npm run docs:schema` generates', () => {
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: ['**/.vita/config.json'], url: './schemas/config.schema.json' }]);
    const committed = readFileSync(join(repoRoot(), 'schemas', 'config.schema.json'), 'utf8');
    assert.equal(committed, renderConfigSchema(manifest, allRules));
  });
});
