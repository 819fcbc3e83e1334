/**
 * The JSON schema of `.vita/config.json`, made from package.json's `contributes.configuration` (the settings, with
 * their types, enums, defaults and descriptions) and the rule registry (every rule id a key of `rules`): VS Code
 * completes and validates the file with it (`contributes.jsonValidation`). Written by `npm run docs:schema`; a test
 * fails when schemas/config.schema.json is stale.
 */
import type { Rule } from '../server/src/service/rules/types';

type JsonSchema = Record<string, unknown>;

export function renderConfigSchema(packageJson: { contributes: { configuration: { properties: Record<string, JsonSchema> } } }, rules: readonly Rule[]): string {
  const root: JsonSchema & { properties: Record<string, JsonSchema> } = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'vita project settings (.vita/config.json)',
    description: "vita's settings for the résumés in this folder and below: the editor's `vita.*` settings without `vita.`. A setting you set in VS Code wins over this file; `spelling.words` of both are joined.",
    type: 'object',
    properties: { $schema: { type: 'string' } },
    additionalProperties: false,
  };
  for (const [key, spec] of Object.entries(packageJson.contributes.configuration.properties)) {
    const parts = key.replace(/^vita\./, '').split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      node.properties[part] ??= { type: 'object', properties: {}, additionalProperties: false };
      node = node.properties[part] as typeof root;
    }
    const leaf: JsonSchema = { ...spec };
    if (parts.join('.') === 'rules') {
      const severity = (spec.additionalProperties as JsonSchema | undefined) ?? { type: 'string' };
      leaf.properties = Object.fromEntries(rules.map((rule) => [rule.id, { ...severity, description: `${rule.description} (default: ${rule.defaultSeverity})` }]));
      leaf.additionalProperties = false;
    }
    node.properties[parts[parts.length - 1]] = leaf;
  }
  return `${JSON.stringify(root, null, 2)}\n`;
}
