/**
 * The tokenizer of the label selector syntax, behaving as apimachinery's `labels.Lexer`:
 * identifiers run until whitespace or an operator character, and operators are
 * matched greedily (`!=` before `!`).
 */
export type TokenKind =
  | 'error'
  | 'end'
  | 'closedPar'
  | 'comma'
  | 'doesNotExist'
  | 'doubleEquals'
  | 'equals'
  | 'greaterThan'
  | 'identifier'
  | 'in'
  | 'lessThan'
  | 'notEquals'
  | 'notIn'
  | 'openPar';

export interface ScannedItem {
  kind: TokenKind;
  literal: string;
}

const LITERAL_TOKENS: Readonly<Record<string, TokenKind>> = {
  ')': 'closedPar',
  ',': 'comma',
  '!': 'doesNotExist',
  '==': 'doubleEquals',
  '=': 'equals',
  '>': 'greaterThan',
  in: 'in',
  '<': 'lessThan',
  '!=': 'notEquals',
  notin: 'notIn',
  '(': 'openPar',
};

function literalToken(s: string): TokenKind | undefined {
  return Object.prototype.hasOwnProperty.call(LITERAL_TOKENS, s) ? LITERAL_TOKENS[s] : undefined;
}

function isWhitespace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}

function isSpecialSymbol(ch: string): boolean {
  return ch === '=' || ch === '!' || ch === '(' || ch === ')' || ch === ',' || ch === '>' || ch === '<';
}

export class LabelSelectorLexer {
  private pos = 0;

  constructor(private readonly input: string) {}

  /** The whole input as tokens, ending with one `end` token. */
  scanAll(): ScannedItem[] {
    const items: ScannedItem[] = [];
    for (;;) {
      const item = this.lex();
      items.push(item);
      if (item.kind === 'end') return items;
    }
  }

  private read(): string {
    if (this.pos < this.input.length) return this.input[this.pos++];
    return '';
  }

  private unread(): void {
    this.pos--;
  }

  private lex(): ScannedItem {
    let ch = this.read();
    while (ch !== '' && isWhitespace(ch)) ch = this.read();
    if (ch === '') return { kind: 'end', literal: '' };
    this.unread();
    return isSpecialSymbol(ch) ? this.scanSpecialSymbol() : this.scanIdOrKeyword();
  }

  private scanIdOrKeyword(): ScannedItem {
    let buffer = '';
    for (;;) {
      const ch = this.read();
      if (ch === '') break;
      if (isSpecialSymbol(ch) || isWhitespace(ch)) {
        this.unread();
        break;
      }
      buffer += ch;
    }
    return { kind: literalToken(buffer) ?? 'identifier', literal: buffer };
  }

  private scanSpecialSymbol(): ScannedItem {
    let buffer = '';
    let last: ScannedItem | undefined;
    for (;;) {
      const ch = this.read();
      if (ch === '') break;
      if (!isSpecialSymbol(ch)) {
        this.unread();
        break;
      }
      buffer += ch;
      const kind = literalToken(buffer);
      if (kind) {
        last = { kind, literal: buffer };
      } else if (last) {
        this.unread();
        break;
      }
    }
    return last ?? { kind: 'error', literal: `error expected: keyword found '${buffer}'` };
  }
}
