import type { Diagnostic, DiagnosticSeverity, TextEdit } from 'vscode-languageserver-types';
import type { ServiceContext } from '../context';
import { ruleDocUrl } from '../docsUrl';
import { lineAt } from '../model/lines';
import type { ResumeDocument } from '../model/types';
import { spanToRange } from '../positions';
import { allRules } from '../rules/index';
import { directiveFilter } from './directives';
import type { Finding, OffsetEdit, Rule, RuleSeverity } from '../rules/types';

export const DIAGNOSTIC_SOURCE = 'vita';

/** A fix as it travels in `Diagnostic.data`: edits already in LSP ranges, so code actions need no model. */
export interface DiagnosticFix {
  title: string;
  safe: boolean;
  edits: TextEdit[];
}

export interface VitaDiagnosticData {
  fixes?: DiagnosticFix[];
  [key: string]: unknown;
}

const SEVERITY: Record<Exclude<RuleSeverity, 'off'>, DiagnosticSeverity> = { error: 1, warning: 2, info: 3, hint: 4 };

/** A finding of one rule, with the rule and the severity it will be shown with. */
export interface RuleFinding extends Finding {
  rule: Rule;
  effectiveSeverity: Exclude<RuleSeverity, 'off'>;
}

/** The user's severity for a rule, or its default. */
export function ruleSeverity(rule: Rule, context: ServiceContext): RuleSeverity {
  return context.options.rules[rule.id] ?? rule.defaultSeverity;
}

/**
 * Runs every enabled rule over the model. A rule that throws is reported through `context.onRuleError`
 * and skipped; the other rules' findings still arrive. Findings on lines a `vita-disable…` comment switches
 * off for their rule are dropped.
 */
export function runRules(doc: ResumeDocument, context: ServiceContext, rules: readonly Rule[] = allRules): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const length = doc.text.length;
  const disabled = directiveFilter(doc);
  for (const rule of rules) {
    const configured = ruleSeverity(rule, context);
    if (configured === 'off') continue;
    try {
      rule.check(
        doc,
        (finding) => {
          // Never let a rule produce a range outside the text.
          const start = Math.max(0, Math.min(finding.start, length));
          const end = Math.max(start, Math.min(finding.end, length));
          if (disabled(rule.id, lineAt(doc.lines, start))) return;
          const effectiveSeverity = context.options.rules[rule.id] !== undefined ? (configured as Exclude<RuleSeverity, 'off'>) : (finding.severity ?? (configured as Exclude<RuleSeverity, 'off'>));
          findings.push({ ...finding, start, end, rule, effectiveSeverity });
        },
        context,
      );
    } catch (error) {
      context.onRuleError?.(rule.id, error);
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return findings;
}

export function toTextEdits(doc: ResumeDocument, edits: readonly OffsetEdit[]): TextEdit[] {
  return edits.map((edit) => ({ range: spanToRange(doc.lines, edit), newText: edit.newText }));
}

export function toDiagnostic(doc: ResumeDocument, finding: RuleFinding): Diagnostic {
  const data: VitaDiagnosticData = { ...(finding.data ?? {}) };
  if (finding.fixes && finding.fixes.length > 0) {
    data.fixes = finding.fixes.map((fix) => ({ title: fix.title, safe: fix.safe, edits: toTextEdits(doc, fix.edits) }));
  }
  const diagnostic: Diagnostic = {
    range: spanToRange(doc.lines, finding),
    severity: SEVERITY[finding.effectiveSeverity],
    code: finding.rule.id,
    codeDescription: { href: ruleDocUrl(finding.rule.id) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
  if (finding.tags?.includes('unnecessary')) diagnostic.tags = [1];
  return diagnostic;
}

export function computeDiagnostics(doc: ResumeDocument, context: ServiceContext): Diagnostic[] {
  return runRules(doc, context).map((finding) => toDiagnostic(doc, finding));
}
