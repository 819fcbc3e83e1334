/**
 * Where the rules reference lives, defined once: diagnostics link here (`codeDescription.href`), SARIF output uses
 * it as each rule's `helpUri`, and docs/rules.md has one `## <rule-id>` heading per rule (GitHub's anchors).
 */
export const RULES_DOC_URL = 'https://github.com/vita-resume/vita/blob/main/docs/rules.md';

export function ruleDocUrl(ruleId: string): string {
  return `${RULES_DOC_URL}#${ruleId}`;
}
