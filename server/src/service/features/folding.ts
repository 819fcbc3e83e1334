import type { FoldingRange } from 'vscode-languageserver-types';
import { lineAt } from '../model/lines';
import type { Entry, ResumeDocument } from '../model/types';

/** Folding per section, per entry (and sub-entry), per multi-line bullet, and for fences and comments. */
export function foldingRanges(doc: ResumeDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (startLine: number, endLine: number, kind?: string) => {
    if (endLine > startLine) ranges.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  const addEntry = (entry: Entry) => {
    add(entry.firstLine, entry.lastLine);
    entry.children.forEach(addEntry);
  };
  for (const section of doc.sections) {
    add(section.firstLine, section.lastLine);
    section.entries.forEach(addEntry);
  }
  for (const bullet of doc.bullets) add(bullet.firstLine, bullet.lastLine);
  for (const region of doc.skipRegions) {
    if (region.kind === 'code-fence' || region.kind === 'html-comment' || region.kind === 'front-matter') {
      add(lineAt(doc.lines, region.start), lineAt(doc.lines, region.end), region.kind === 'html-comment' ? 'comment' : undefined);
    }
  }
  ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return ranges;
}
