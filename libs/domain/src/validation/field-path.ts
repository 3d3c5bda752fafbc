/**
 * A field path written the way the API server names fields in errors:
 * `spec.template.spec.containers[0].image`, `metadata.annotations[example.com/x]`.
 */
export class FieldPath {
  private constructor(private readonly text: string) {}

  static root(...names: string[]): FieldPath {
    return new FieldPath(names.join('.'));
  }

  child(...names: string[]): FieldPath {
    const tail = names.join('.');
    return new FieldPath(this.text ? `${this.text}.${tail}` : tail);
  }

  index(i: number): FieldPath {
    return new FieldPath(`${this.text}[${i}]`);
  }

  key(k: string): FieldPath {
    return new FieldPath(`${this.text}[${k}]`);
  }

  toString(): string {
    return this.text;
  }
}
