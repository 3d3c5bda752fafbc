/** The parts of an OCI image config a container start needs. */
export interface ImageConfig {
  entrypoint?: string[];
  cmd?: string[];
  /** `NAME=value` entries, as in an OCI config. */
  env?: string[];
  workingDir?: string;
}

export interface ContainerSpecLike {
  command?: string[];
  args?: string[];
  env?: { name: string; value?: string }[];
  workingDir?: string;
}

/**
 * Kubernetes' `$(VAR)` expansion in command, args and env values: `$(NAME)` takes a
 * defined variable, `$$(NAME)` is a literal `$(NAME)`, an undefined one stays as written.
 */
export function expandVars(s: string, vars: Record<string, string>): string {
  return s.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, name: string | undefined) => {
    if (m === '$$') return '$';
    return name !== undefined && Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : m;
  });
}

/**
 * argv and environment for a container, as the kubelet combines them: `command`
 * replaces the image's entrypoint (and drops its cmd), `args` replace cmd; the
 * container's env (in order, each able to use earlier ones) overrides the image's,
 * and the downward-API basics come first.
 */
export function containerProcess(image: ImageConfig, c: ContainerSpecLike, base: Record<string, string>): { argv: string[]; env: Record<string, string>; workingDir?: string } {
  const env: Record<string, string> = { ...base };
  for (const kv of image.env ?? []) {
    const i = kv.indexOf('=');
    if (i > 0) env[kv.slice(0, i)] = kv.slice(i + 1);
  }
  for (const e of c.env ?? []) env[e.name] = expandVars(e.value ?? '', env);
  let argv: string[];
  if (c.command?.length) argv = [...c.command, ...(c.args ?? [])];
  else argv = [...(image.entrypoint ?? []), ...(c.args?.length ? c.args : image.cmd ?? [])];
  return { argv: argv.map((a) => expandVars(a, env)), env, workingDir: c.workingDir || image.workingDir };
}

/** A pod's hostname, as the kubelet sets it: `spec.hostname`, else the pod name cut to 63 characters (no trailing `-` or `.`). */
export function podHostname(pod: { metadata: { name?: string }; spec?: unknown }): string {
  const wanted = (pod.spec as { hostname?: string } | undefined)?.hostname;
  return wanted || (pod.metadata.name ?? '').slice(0, 63).replace(/[-.]+$/, '');
}
