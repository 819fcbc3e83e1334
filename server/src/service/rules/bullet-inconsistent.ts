import { bulletLists, dominantMarker } from '../model/lists';
import type { Rule } from './types';

export const bulletInconsistent: Rule = {
  id: 'bullet-inconsistent',
  description: 'One list mixes bullet markers (`-`, `*`, `•`); the fix uses the marker most of the list uses.',
  tags: ['formatting'],
  defaultSeverity: 'warning',
  fixable: true,
  fixes: { safe: 'the marker most of the list uses, written in place of the others' },
  example: '- Built the billing service.\n• Cut costs by 20%.',
  check(doc, report) {
    for (const list of bulletLists(doc)) {
      if (new Set(list.map((bullet) => bullet.marker.text)).size < 2) continue;
      const dominant = dominantMarker(list);
      for (const bullet of list) {
        if (bullet.marker.text === dominant) continue;
        report({
          start: bullet.marker.start,
          end: bullet.marker.end,
          message: `Bullet marker "${bullet.marker.text}" in a list of "${dominant}" bullets: one list, one marker.`,
          fixes: [{ title: `Use "${dominant}"`, edits: [{ start: bullet.marker.start, end: bullet.marker.end, newText: dominant }], safe: true }],
        });
      }
    }
  },
};
