import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultOptions } from '../../server/src/service/context';
import { runRules } from '../../server/src/service/features/diagnostics';
import { summarize } from '../../server/src/service/features/summary';
import { datePointSpans, hasFigure } from '../../server/src/service/model/figures';
import { parseResume } from '../../server/src/service/model/parse';

/** A bullet text and whether it carries a figure, as a résumé reviewer reads it. */
const CASES: [string, boolean][] = [
  ['Cut costs by 40% in a quarter.', true],
  ['Closed $9.2M in sales.', true],
  ['Made the build 3x faster.', true],
  ['Made the build ×10 faster.', true],
  ['Reduced latency from 1.2ms to 0.6ms.', true],
  ['Shortened failover from 30min to 1min.', true],
  ['Served 2M users.', true],
  ['Handled 300K peak QPS.', true],
  ['Mentored 4 engineers.', true],
  ['Cut p95 latency at the 95th percentile.', true],
  // Figures in words.
  ['Mentored four engineers.', true],
  ['Reduced latency by half.', true],
  ['Cut the backlog in half.', true],
  ['Doubled the model coverage.', true],
  ['Served millions of riders.', true],
  ['Trained dozens of new cashiers.', true],
  // Not figures.
  ['Wrote the ranking service in C++14.', false],
  ['Ported the kernel to x86 and arm64.', false],
  ['Built layer1-5 of the network stack.', false],
  ['Presented at KubeCon 2021.', false],
  ['Led E2E testing of the checkout.', false],
  ['Rolled out two-factor sign-in.', false],
  ['Moved the app to a 3-tier design.', false],
  ['Was one of the first hires.', false],
  ['Wrote several internal tools.', false],
  ['Integrated third-party payment providers.', false],
];

const resume = (bullet: string) => `# Jane Roe\njane.roe@example.com\n\n## Experience\n\n### Acme, Engineer, 2019 – 2021\n\n- ${bullet}\n`;

describe('hasFigure: one definition of a bullet with a figure', () => {
  for (const [text, expected] of CASES) {
    test(`${expected ? 'a figure' : 'no figure'}: ${text}`, () => {
      assert.equal(hasFigure(text), expected);
    });
  }

  test('a date inside the text is not a figure when its span is given', () => {
    const doc = parseResume('## Experience\n\n### Acme, Engineer\n- Shipped 03/2021 and 3 Apr 2020.\n');
    const bullet = doc.bullets[0];
    assert.equal(hasFigure(bullet.content.text), true, 'without the spans, 03 and 3 look like counts');
    assert.equal(hasFigure(bullet.content.text, datePointSpans(doc), bullet.content.start), false);
  });

  test('a date at the start of a bullet (a split range) is not a figure', () => {
    const doc = parseResume('## Experience\n\n#### 2021/09 Platform\n\n- 2025/09 Designed the feature store.\n');
    assert.equal(doc.dateRanges.length, 1);
    assert.equal(hasFigure(doc.bullets[0].content.text, datePointSpans(doc), doc.bullets[0].content.start), false);
  });

  test('style-unquantified and the summary agree on every case', () => {
    const context = { options: { ...defaultOptions(), today: { year: 2026, month: 3, day: 15 } } };
    for (const [text, expected] of CASES) {
      const doc = parseResume(resume(text));
      const flagged = runRules(doc, context).some((f) => f.rule.id === 'style-unquantified');
      assert.equal(flagged, !expected, `style-unquantified on "${text}"`);
      assert.equal(summarize(doc, context).entries[0].quantified, expected ? 1 : 0, `summary on "${text}"`);
    }
  });
});
