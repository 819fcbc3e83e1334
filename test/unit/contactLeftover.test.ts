// contact-leftover: template and PDF leftovers on the contact lines, each with a quick fix that removes it; applying
// them all leaves a tidy line. Real links, addresses and handles are never leftovers.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultOptions } from '../../server/src/service/context';
import { applyEdits } from '../../server/src/service/edits';
import { runRules } from '../../server/src/service/features/diagnostics';
import { parseResume } from '../../server/src/service/model/parse';
import { contactLeftover } from '../../server/src/service/rules/contact-leftover';

const withContact = (line: string) => `# Halvard Okonjo\n\n${line}\n\n## Experience\n\n### Quillfeather Studio — Designer, 2021 – 2024\n\n- Built the booking system used by 40 studios.\n`;
const findings = (text: string) => runRules(parseResume(text), { options: defaultOptions() }, [contactLeftover]);

describe('contact-leftover', () => {
  test('every leftover of a converted LaTeX header is found, and removing them all leaves a tidy line', () => {
    const text = withContact(' $\\checkmark$  555.010.2030 •  $\\blacksquare$  halvard@example.com •  $\\textdegree$  Website • **in** halvard-okonjo •  $\\circlearrowleft$  hokonjo');
    const found = findings(text);
    assert.deepEqual(found.map((f) => text.slice(f.start, f.end)), ['$\\checkmark$', '$\\blacksquare$', '$\\textdegree$', 'Website', '**in**', '$\\circlearrowleft$']);
    assert.ok(found.every((f) => f.fixes?.length === 2 && f.fixes.every((fix) => !fix.safe)), 'quick fixes only: they remove words');
    // One leftover at a time…
    assert.match(applyEdits(text, found[0].fixes![0].edits).text, /\n555\.010\.2030 •  \$\\blacksquare\$/);
    assert.match(applyEdits(text, found[3].fixes![0].edits).text, /\$\\textdegree\$ • \*\*in\*\*/);
    // …or all of the line's at once.
    assert.equal(found[0].fixes![1].title, 'Remove the 6 leftovers on this line');
    assert.match(applyEdits(text, found[0].fixes![1].edits).text, /\n555\.010\.2030 • halvard@example\.com • halvard-okonjo • hokonjo\n/);
  });

  test('a [Link] placeholder and a bare link text at the end of the line', () => {
    const text = withContact('halvard@example.com • [Link] • Portfolio');
    const found = findings(text);
    assert.deepEqual(found.map((f) => `${text.slice(f.start, f.end)} ${f.severity}`), ['[Link] info', 'Portfolio info']);
    assert.match(applyEdits(text, found[1].fixes![0].edits).text, /\nhalvard@example\.com • \[Link\]\n/);
    assert.match(applyEdits(text, found[0].fixes![1].edits).text, /\nhalvard@example\.com\n/);
  });

  test('real links, handles and words are left alone', () => {
    for (const line of [
      'halvard@example.com · [Website](https://halvard.dev) · [LinkedIn][li] · github.com/hokonjo',
      'Lisbon · **Senior** designer · $120k',
      'Portfolio: halvard.dev · LinkedIn: /in/halvard-okonjo',
    ]) {
      assert.deepEqual(findings(withContact(line)).map((f) => f.message), [], line);
    }
  });
});
