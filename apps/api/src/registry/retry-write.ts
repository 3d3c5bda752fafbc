/**
 * Thrown inside a write when its decision must be remade from fresh state: a
 * randomly picked value was taken meanwhile, or an unconditional update read
 * an object that changed before its write.
 */
export class RetryWrite extends Error {
  constructor() {
    super('retry');
  }
}
