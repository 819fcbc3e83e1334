import type { Directive, ResumeDocument } from '../model/types';

/** What `vita-disable` / `vita-enable` comments leave switched off from one line on. */
interface DisabledState {
  /** Every rule is off, except `except`. */
  all: boolean;
  except: ReadonlySet<string>;
  /** When not `all`: the rules that are off. */
  off: ReadonlySet<string>;
}

const NOTHING_OFF: DisabledState = { all: false, except: new Set(), off: new Set() };

function apply(state: DisabledState, directive: Directive): DisabledState {
  const ids = directive.rules;
  if (directive.kind === 'disable') {
    if (ids.length === 0) return { all: true, except: new Set(), off: new Set() };
    if (state.all) return { ...state, except: new Set([...state.except].filter((id) => !ids.includes(id))) };
    return { ...state, off: new Set([...state.off, ...ids]) };
  }
  // enable
  if (ids.length === 0) return NOTHING_OFF;
  if (state.all) return { ...state, except: new Set([...state.except, ...ids]) };
  return { ...state, off: new Set([...state.off].filter((id) => !ids.includes(id))) };
}

function isOff(state: DisabledState, ruleId: string): boolean {
  return state.all ? !state.except.has(ruleId) : state.off.has(ruleId);
}

/**
 * Answers "is this rule switched off on this line by a directive?" for one document. `vita-disable` and
 * `vita-enable` act from the line after the comment on; `vita-disable-next-line` on the line after it only.
 */
export function directiveFilter(doc: ResumeDocument): (ruleId: string, line: number) => boolean {
  if (doc.directives.length === 0) return () => false;
  const checkpoints: { line: number; state: DisabledState }[] = [];
  const nextLine = new Map<number, Directive[]>();
  let state = NOTHING_OFF;
  for (const directive of doc.directives) {
    if (directive.kind === 'disable-next-line') {
      const list = nextLine.get(directive.line + 1) ?? [];
      list.push(directive);
      nextLine.set(directive.line + 1, list);
      continue;
    }
    state = apply(state, directive);
    checkpoints.push({ line: directive.line, state });
  }
  return (ruleId, line) => {
    const once = nextLine.get(line);
    if (once?.some((d) => d.rules.length === 0 || d.rules.includes(ruleId))) return true;
    // The last checkpoint before the line (directives come in document order: binary search, not a scan per finding).
    let low = 0;
    let high = checkpoints.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (checkpoints[mid].line < line) low = mid + 1;
      else high = mid;
    }
    return isOff(low > 0 ? checkpoints[low - 1].state : NOTHING_OFF, ruleId);
  };
}
