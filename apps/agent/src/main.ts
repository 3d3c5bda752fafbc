/**
 * The node agent (kubelet, runtime drivers, proxy) arrives with the agent issue.
 * Until then this entry point only says so, so `skiff-agent` is runnable.
 */
process.stdout.write('skiff-agent: not implemented yet (see the node agent issue)\n');
