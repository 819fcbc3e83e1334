import type { Position, Range } from 'vscode-languageserver-types';
import { lineAt } from './model/lines';
import type { Line, Span } from './model/types';

/**
 * The one place where document offsets become LSP positions and back. Offsets and LSP characters are both
 * UTF-16 code units, so a position is the line plus the distance from the line's start. Offsets inside a
 * line break are clamped to the end of the line; positions past a line's end are clamped to it.
 */
export function offsetToPosition(lines: readonly Line[], offset: number): Position {
  const line = lines[lineAt(lines, offset)];
  return { line: line.index, character: Math.min(offset, line.end) - line.start };
}

export function spanToRange(lines: readonly Line[], span: Span): Range {
  return { start: offsetToPosition(lines, span.start), end: offsetToPosition(lines, span.end) };
}

export function positionToOffset(lines: readonly Line[], position: Position): number {
  if (position.line < 0) return 0;
  if (position.line >= lines.length) return lines[lines.length - 1].end;
  const line = lines[position.line];
  return Math.min(line.start + Math.max(0, position.character), line.end);
}

export function rangeToSpan(lines: readonly Line[], range: Range): Span {
  return { start: positionToOffset(lines, range.start), end: positionToOffset(lines, range.end) };
}
