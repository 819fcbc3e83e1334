import type { Diagnostic } from 'vscode-languageserver-types';
import { ruleDocUrl, RULES_DOC_URL } from '../service/docsUrl';
import type { Rule, RuleSeverity } from '../service/rules/types';

/** SARIF 2.1.0 levels: info and hint become `note`. */
const LEVEL_BY_SEVERITY = ['note', 'error', 'warning', 'note', 'note'] as const;
const LEVEL_BY_RULE_SEVERITY: Record<Exclude<RuleSeverity, 'off'>, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** A file as SARIF wants it named: a relative path with forward slashes, or a file: URI for an absolute one. */
function artifactUri(file: string): string {
  const posix = file.replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(posix)) return `file:///${encodeURI(posix)}`;
  if (posix.startsWith('/')) return `file://${encodeURI(posix)}`;
  return encodeURI(posix.replace(/^\.\//, ''));
}

/**
 * A SARIF 2.1.0 log of `vita check` for code-scanning tools (GitHub code scanning, Azure DevOps): the rules come
 * from the registry with their reference links, each result has its rule, level, message and a 1-based region
 * (columns in UTF-16 code units, as LSP ranges are).
 */
export function sarifLog(rules: readonly Rule[], severities: Record<string, RuleSeverity>, files: { file: string; diagnostics: Diagnostic[] }[], version: string): object {
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'vita',
            version,
            informationUri: RULES_DOC_URL,
            rules: rules.map((rule) => {
              const severity = severities[rule.id] ?? rule.defaultSeverity;
              return {
                id: rule.id,
                shortDescription: { text: rule.description },
                helpUri: ruleDocUrl(rule.id),
                defaultConfiguration: severity === 'off' ? { enabled: false } : { level: LEVEL_BY_RULE_SEVERITY[severity] },
                properties: { tags: rule.tags, fixable: rule.fixable },
              };
            }),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: files.flatMap(({ file, diagnostics }) =>
          diagnostics.map((d) => {
            const ruleId = String(d.code);
            return {
              ruleId,
              ...(index.has(ruleId) ? { ruleIndex: index.get(ruleId) } : {}),
              level: LEVEL_BY_SEVERITY[d.severity ?? 2],
              message: { text: d.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: artifactUri(file) },
                    region: {
                      startLine: d.range.start.line + 1,
                      startColumn: d.range.start.character + 1,
                      endLine: d.range.end.line + 1,
                      endColumn: d.range.end.character + 1,
                    },
                  },
                },
              ],
            };
          }),
        ),
      },
    ],
  };
}
