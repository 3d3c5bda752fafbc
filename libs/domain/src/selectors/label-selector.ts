import { Errors } from '../errors/status-error';
import { aggregateString } from './field-error';
import {
  newRequirement,
  sortByKey,
  sortStrings,
  validateLabelKey,
  type LabelOperator,
  type LabelRequirement,
} from './label-requirement';
import { LabelSelectorLexer, type ScannedItem, type TokenKind } from './label-selector-lexer';

/** A syntax error: its message is what the API server puts in the 400 it answers. */
class SelectorSyntaxError extends Error {}

type Context = 'keyAndOperator' | 'values';

const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt';

const OPERATOR_OF_TOKEN: Partial<Record<TokenKind, LabelOperator>> = {
  in: 'in',
  notIn: 'notin',
  equals: '=',
  doubleEquals: '==',
  notEquals: '!=',
  greaterThan: 'gt',
  lessThan: 'lt',
};

/** A recursive-descent parser over the scanned tokens, as apimachinery's `labels.Parser`. */
class LabelSelectorParser {
  private readonly items: ScannedItem[];
  private position = 0;

  constructor(input: string) {
    this.items = new LabelSelectorLexer(input).scanAll();
  }

  /** `in` and `notin` are plain identifiers wherever a key or value is expected. */
  private view(item: ScannedItem, context: Context): ScannedItem {
    if (context === 'values' && (item.kind === 'in' || item.kind === 'notIn')) {
      return { kind: 'identifier', literal: item.literal };
    }
    return item;
  }

  private lookahead(context: Context): ScannedItem {
    return this.view(this.items[this.position], context);
  }

  private consume(context: Context): ScannedItem {
    return this.view(this.items[this.position++], context);
  }

  parse(): LabelRequirement[] {
    const requirements: LabelRequirement[] = [];
    for (;;) {
      const next = this.lookahead('values');
      if (next.kind === 'end') return requirements;
      if (next.kind !== 'identifier' && next.kind !== 'doesNotExist') {
        throw new SelectorSyntaxError(`found '${next.literal}', expected: !, identifier, or 'end of string'`);
      }
      try {
        requirements.push(this.parseRequirement());
      } catch (e) {
        if (e instanceof SelectorSyntaxError) throw new SelectorSyntaxError(`unable to parse requirement: ${e.message}`);
        throw e;
      }
      const after = this.consume('values');
      if (after.kind === 'end') return requirements;
      if (after.kind !== 'comma') {
        throw new SelectorSyntaxError(`found '${after.literal}', expected: ',' or 'end of string'`);
      }
      const following = this.lookahead('values');
      if (following.kind !== 'identifier' && following.kind !== 'doesNotExist') {
        throw new SelectorSyntaxError(`found '${following.literal}', expected: identifier after ','`);
      }
    }
  }

  private parseRequirement(): LabelRequirement {
    const { key, operator: inferred } = this.parseKeyAndInferOperator();
    let operator: LabelOperator;
    let values: string[];
    if (inferred) {
      operator = inferred;
      values = [];
    } else {
      operator = this.parseOperator();
      values = operator === 'in' || operator === 'notin' ? this.parseValues() : this.parseExactValue();
    }
    const { requirement, errors } = newRequirement(key, operator, values);
    if (errors.length) throw new SelectorSyntaxError(aggregateString(errors));
    return requirement;
  }

  /** A bare key means `exists`, `!key` means `!`; otherwise an operator must follow. */
  private parseKeyAndInferOperator(): { key: string; operator?: LabelOperator } {
    let operator: LabelOperator | undefined;
    let item = this.consume('values');
    if (item.kind === 'doesNotExist') {
      operator = '!';
      item = this.consume('values');
    }
    if (item.kind !== 'identifier') throw new SelectorSyntaxError(`found '${item.literal}', expected: identifier`);
    const keyError = validateLabelKey(item.literal, undefined);
    if (keyError) throw new SelectorSyntaxError(aggregateString([keyError]));
    const next = this.lookahead('values').kind;
    if ((next === 'end' || next === 'comma') && operator !== '!') operator = 'exists';
    return { key: item.literal, operator };
  }

  private parseOperator(): LabelOperator {
    const item = this.consume('keyAndOperator');
    const op = OPERATOR_OF_TOKEN[item.kind];
    if (!op) throw new SelectorSyntaxError(`found '${item.literal}', expected: ${BINARY_OPERATORS}`);
    return op;
  }

  /** `(a,b,c)`: empty members are the empty value, duplicates collapse, the set is sorted. */
  private parseValues(): string[] {
    const open = this.consume('values');
    if (open.kind !== 'openPar') throw new SelectorSyntaxError(`found '${open.literal}' expected: '('`);
    const first = this.lookahead('values');
    if (first.kind === 'closedPar') {
      this.consume('values');
      return [''];
    }
    if (first.kind !== 'identifier' && first.kind !== 'comma') {
      throw new SelectorSyntaxError(`found '${first.literal}', expected: ',', ')' or identifier`);
    }
    const values = this.parseIdentifiersList();
    if (this.consume('values').kind !== 'closedPar') {
      throw new SelectorSyntaxError(`found '${first.literal}', expected: ')'`);
    }
    return values;
  }

  private parseIdentifiersList(): string[] {
    const set = new Set<string>();
    for (;;) {
      const item = this.consume('values');
      if (item.kind === 'identifier') {
        set.add(item.literal);
        const next = this.lookahead('values');
        if (next.kind === 'comma') continue;
        if (next.kind === 'closedPar') return sortStrings(set);
        throw new SelectorSyntaxError(`found '${next.literal}', expected: ',' or ')'`);
      }
      if (item.kind !== 'comma') throw new SelectorSyntaxError(`found '${item.literal}', expected: ',', or identifier`);
      // A comma with nothing before it, after it, or between two commas stands for ''.
      if (set.size === 0) set.add('');
      const next = this.lookahead('values').kind;
      if (next === 'closedPar') {
        set.add('');
        return sortStrings(set);
      }
      if (next === 'comma') {
        this.consume('values');
        set.add('');
      }
    }
  }

  private parseExactValue(): string[] {
    const next = this.lookahead('values');
    if (next.kind === 'end' || next.kind === 'comma') return [''];
    const item = this.consume('values');
    if (item.kind === 'identifier') return [item.literal];
    throw new SelectorSyntaxError(`found '${item.literal}', expected: identifier`);
  }
}

/**
 * Parses the `labelSelector` query syntax exactly as `labels.Parse` does:
 * `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, `a>1`, `a<1`,
 * comma-separated. The empty string selects everything. Bad input is a 400
 * BadRequest carrying the real server's message.
 */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  try {
    return sortByKey(new LabelSelectorParser(selector).parse());
  } catch (e) {
    if (e instanceof SelectorSyntaxError) throw Errors.badRequest(e.message);
    throw e;
  }
}
