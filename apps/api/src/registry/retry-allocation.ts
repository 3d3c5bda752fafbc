/** Thrown inside a write when its decision must be remade from fresh state (a random pick was taken meanwhile). */
export class RetryAllocation extends Error {
  constructor() {
    super('retry');
  }
}
