// The part of markdown-it's API the block-structure test uses (markdown-it ships no types; it is a devDependency,
// used only by test/unit/blocks.test.ts as the reference CommonMark parser).
declare module 'markdown-it' {
  interface Token {
    type: string;
    tag: string;
    /** [first line, line after the last), 0-based. */
    map: [number, number] | null;
    /** Nesting depth of the token (0 at the top level). */
    level: number;
    markup: string;
  }
  class MarkdownIt {
    constructor(preset?: 'commonmark' | 'default' | 'zero', options?: { html?: boolean });
    parse(source: string, env: object): Token[];
  }
  export default MarkdownIt;
}
