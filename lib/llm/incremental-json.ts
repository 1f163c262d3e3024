/**
 * A tolerant incremental reader of the top-level scalar fields of ONE JSON object that
 * arrives in chunks (a model's streamed answer). It does not build the object: it only
 * reports each top-level string / number / boolean / null value the moment it is complete,
 * so the backend can show stage, priority and SLA long before the model has finished.
 * Nested objects and arrays are skipped (the final answer is parsed and validated whole).
 *
 * Tolerant of what models wrap JSON in: leading whitespace and a ```json fence. Anything
 * else before the first `{` (prose, thinking) disables the reader — a partial is only a
 * preview, and a guess read out of prose would be worse than none.
 */
export type JsonScalar = string | number | boolean | null;

type State =
  | 'start' // before the opening brace (whitespace / fence allowed)
  | 'fence' // inside the ``` fence opener, up to its newline
  | 'key_or_end' // inside the object, expecting a key or `}`
  | 'key' // inside a key string
  | 'colon'
  | 'value' // expecting a value
  | 'string' // inside a top-level string value
  | 'literal' // inside a number / true / false / null
  | 'nested' // inside a nested object/array, skipping
  | 'comma_or_end'
  | 'done'
  | 'failed';

export class IncrementalJsonFields {
  readonly fields: Record<string, JsonScalar> = {};
  private state: State = 'start';
  private buf = '';
  private key = '';
  private escaped = false;
  private depth = 0;
  private nestedInString = false;
  private fenceTicks = 0;

  constructor(private readonly onField?: (key: string, value: JsonScalar) => void) {}

  get failed(): boolean {
    return this.state === 'failed';
  }

  get done(): boolean {
    return this.state === 'done';
  }

  push(chunk: string): void {
    for (let i = 0; i < chunk.length; i++) {
      if (this.state === 'done' || this.state === 'failed') return;
      this.step(chunk[i]!);
    }
  }

  private emit(value: JsonScalar): void {
    this.fields[this.key] = value;
    this.onField?.(this.key, value);
  }

  private step(c: string): void {
    const ws = c === ' ' || c === '\n' || c === '\r' || c === '\t';
    switch (this.state) {
      case 'start':
        if (ws) return;
        if (c === '{') {
          this.state = 'key_or_end';
          return;
        }
        if (c === '`') {
          this.fenceTicks++;
          if (this.fenceTicks === 3) this.state = 'fence';
          return;
        }
        this.state = 'failed';
        return;
      case 'fence':
        if (c === '\n') this.state = 'start';
        return;
      case 'key_or_end':
        if (ws || c === ',') return;
        if (c === '}') {
          this.state = 'done';
          return;
        }
        if (c === '"') {
          this.state = 'key';
          this.buf = '"';
          this.escaped = false;
          return;
        }
        this.state = 'failed';
        return;
      case 'key':
        this.buf += c;
        if (this.escaped) this.escaped = false;
        else if (c === '\\') this.escaped = true;
        else if (c === '"') {
          this.key = this.decodeString(this.buf) ?? '';
          this.state = 'colon';
        }
        return;
      case 'colon':
        if (ws) return;
        this.state = c === ':' ? 'value' : 'failed';
        return;
      case 'value':
        if (ws) return;
        if (c === '"') {
          this.state = 'string';
          this.buf = '"';
          this.escaped = false;
        } else if (c === '{' || c === '[') {
          this.state = 'nested';
          this.depth = 1;
          this.nestedInString = false;
          this.escaped = false;
        } else {
          this.state = 'literal';
          this.buf = c;
        }
        return;
      case 'string':
        this.buf += c;
        if (this.escaped) this.escaped = false;
        else if (c === '\\') this.escaped = true;
        else if (c === '"') {
          const value = this.decodeString(this.buf);
          if (value === undefined) {
            this.state = 'failed';
            return;
          }
          this.emit(value);
          this.state = 'comma_or_end';
        }
        return;
      case 'literal':
        if (ws || c === ',' || c === '}') {
          let value: JsonScalar;
          try {
            value = JSON.parse(this.buf) as JsonScalar;
          } catch {
            this.state = 'failed';
            return;
          }
          if (value !== null && typeof value === 'object') {
            this.state = 'failed';
            return;
          }
          this.emit(value);
          this.state = c === '}' ? 'done' : c === ',' ? 'key_or_end' : 'comma_or_end';
          return;
        }
        this.buf += c;
        return;
      case 'nested':
        if (this.nestedInString) {
          if (this.escaped) this.escaped = false;
          else if (c === '\\') this.escaped = true;
          else if (c === '"') this.nestedInString = false;
          return;
        }
        if (c === '"') this.nestedInString = true;
        else if (c === '{' || c === '[') this.depth++;
        else if (c === '}' || c === ']') {
          this.depth--;
          if (this.depth === 0) this.state = 'comma_or_end';
        }
        return;
      case 'comma_or_end':
        if (ws) return;
        if (c === ',') this.state = 'key_or_end';
        else if (c === '}') this.state = 'done';
        else this.state = 'failed';
        return;
      default:
        return;
    }
  }

  private decodeString(literal: string): string | undefined {
    try {
      return JSON.parse(literal) as string;
    } catch {
      return undefined;
    }
  }
}
