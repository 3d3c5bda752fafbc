/**
 * Round-robin over a service port's backends, as kube-proxy's userspace balancer did: each
 * new connection starts one backend further on. The whole rotation is returned so a
 * connection that is refused can go on to the next backends in turn.
 */
export class RoundRobin {
  private next = 0;

  order<T>(backends: readonly T[]): T[] {
    if (backends.length === 0) return [];
    // The set may have shrunk since the last pick.
    const start = this.next % backends.length;
    this.next = (start + 1) % backends.length;
    return [...backends.slice(start), ...backends.slice(0, start)];
  }
}
