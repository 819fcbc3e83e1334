import type { DocumentLink } from 'vscode-languageserver-types';
import { linkTarget } from '../model/inline';
import type { ResumeDocument } from '../model/types';
import { spanToRange } from '../positions';

/** Emails (as mailto:) and URLs anywhere in the résumé. */
export function documentLinks(doc: ResumeDocument): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const region of doc.skipRegions) {
    if (region.kind !== 'email' && region.kind !== 'url') continue;
    const target = linkTarget(doc.text, region);
    if (target) links.push({ range: spanToRange(doc.lines, region), target });
  }
  return links;
}
