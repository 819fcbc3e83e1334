import type { OffsetEdit, ResumeDocument, Span } from '../model/types';
import type { RuleSeverity, ServiceContext } from '../context';

export type { OffsetEdit } from '../model/types';
export type { RuleSeverity } from '../context';

export type RuleTag = 'spelling' | 'dates' | 'formatting' | 'style' | 'contact' | 'structure' | 'match';

/** A fix travels with its finding (in `Diagnostic.data`), so code actions never re-run rules. */
export interface Fix {
  /** Shown as the quick fix's title: `Remove stray glyph "o"`. */
  title: string;
  edits: OffsetEdit[];
  /**
   * Safe fixes are applied by "Fix All" (`source.fixAll.vita`, `vita check --fix`). Spelling guesses and
   * style rewrites are never safe.
   */
  safe: boolean;
}

export interface Finding extends Span {
  message: string;
  /** Overrides the rule's severity for this one finding (still subject to the user's setting). */
  severity?: Exclude<RuleSeverity, 'off'>;
  fixes?: Fix[];
  /** Extra data for clients and code actions (spelling: `{ word, suggestions }`). */
  data?: Record<string, unknown>;
  /** Marks findings that are unnecessary/deprecated text, rendered faded by editors. */
  tags?: ('unnecessary')[];
}

export type Report = (finding: Finding) => void;

export interface Rule {
  /** kebab-case `<area>-<problem>`: the file name, `Diagnostic.code`, the settings key and the fixture folder. */
  id: string;
  /** One line, shown in docs and settings. */
  description: string;
  tags: RuleTag[];
  defaultSeverity: RuleSeverity;
  /** Whether the rule offers fixes. */
  fixable: boolean;
  /**
   * What its fixes change, for the rules reference: `safe` — form only, applied unasked by Fix All, `--fix` and Format
   * Document's neighbours; `quickFix` — a change of content, offered in the light bulb only. A test holds these to
   * the fixes the rule's fixtures produce.
   */
  fixes?: { safe?: string; quickFix?: string };
  /** A short example of text the rule flags, for the rules reference. */
  example?: string;
  check(doc: ResumeDocument, report: Report, context: ServiceContext): void;
}
