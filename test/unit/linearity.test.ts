// Checks stay linear in the length of the document, however long a user lets it be (vita.maxFileSize raised above
// 1 MB): no rule reads every section, bullet, heading, date range, skip region or line once per other one. Counted,
// not timed: each model node is wrapped in a Proxy that counts the reads of its fields, and a document twice as long
// must cost each rule at most ~twice the reads (a rule that scans every skills section per bullet costs four times).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultOptions, parseResume, type ResumeDocument, type ServiceContext } from '../../server/src/service/index';
import { allRules } from '../../server/src/service/rules/index';

/** One fictional résumé's worth of sections; a long document is many of them (a folder of résumés pasted into one). */
function unit(i: number): string {
  return [
    `## Experience`,
    '',
    `### Harbourline Freight — Dispatcher`,
    `Mar ${2001 + (i % 20)} – Jun ${2003 + (i % 20)}`,
    '',
    '- I coordinated 40 drivers across three depots and cut idle time by 12%',
    '- Our team rebuilt the the routing sheets.',
    '',
    '## Skills',
    '',
    '- Route planning, fleet telematics, I-9 checks',
    '- We speak Portuguese',
    '',
    '## Certifications',
    '',
    '- Forklift operator card, renewed in my second year',
    '',
  ].join('\n');
}

const FIELDS = ['sections', 'dateRanges', 'bullets', 'headings', 'skipRegions', 'lines'] as const;

/** The model with every node of the lists above counting the reads of its fields into `counter`. */
function counting(doc: ResumeDocument, counter: { reads: number }): ResumeDocument {
  const handler: ProxyHandler<object> = {
    get(target, key, receiver) {
      counter.reads++;
      return Reflect.get(target, key, receiver);
    },
  };
  const copy = { ...doc } as ResumeDocument;
  for (const field of FIELDS) (copy as unknown as Record<string, unknown>)[field] = (doc[field] as object[]).map((node) => new Proxy(node, handler));
  return copy;
}

function context(): ServiceContext {
  const options = defaultOptions();
  options.today = { year: 2026, month: 3, day: 31 };
  for (const rule of allRules) options.rules[rule.id] = rule.defaultSeverity === 'off' ? 'hint' : rule.defaultSeverity;
  return { options, onRuleError: (ruleId, error) => assert.fail(`rule ${ruleId} threw: ${error instanceof Error ? error.stack : String(error)}`) };
}

function readsOf(rule: (typeof allRules)[number], copies: number): number {
  const text = Array.from({ length: copies }, (_, i) => unit(i)).join('\n');
  const counter = { reads: 0 };
  const doc = counting(parseResume(`# Rosa Quintal\n\nrosa.quintal@example.com\n\n${text}`), counter);
  rule.check(doc, () => undefined, context());
  return counter.reads;
}

describe('rules are linear in the length of the document', () => {
  for (const rule of allRules) {
    test(rule.id, () => {
      const small = readsOf(rule, 40);
      const large = readsOf(rule, 160);
      // Four times the document: linear work reads about four times as much, quadratic work sixteen times.
      assert.ok(large <= small * 5 + 1000, `${rule.id}: ${small} reads for 40 résumés, ${large} for 160 (×${(large / Math.max(small, 1)).toFixed(1)})`);
    });
  }
});
