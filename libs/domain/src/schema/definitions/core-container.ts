import {
  arr, atomicList, bool, core, Definitions, int32, int64, intOrString, mergeList, obj, quantity, ref, resourceList, Schema, str,
  strList,
} from '../dsl';

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

/** The fields a Container and an EphemeralContainer share. */
function containerFields(): Record<string, Schema> {
  return {
    name: str('Name of the container, a DNS label unique within the pod. Cannot be changed.'),
    image: str('Container image reference, e.g. `nginx:1.27`.'),
    command: strList('Entrypoint, replacing the image ENTRYPOINT. `$(VAR)` references are expanded from the environment.'),
    args: strList('Arguments to the entrypoint, replacing the image CMD. `$(VAR)` references are expanded.'),
    workingDir: str('Working directory; defaults to the one of the image.'),
    ports: mergeList(ref(core('ContainerPort')), 'containerPort', 'Ports the container exposes (informational; any listening port is reachable).', {
      listMapKeys: ['containerPort', 'protocol'],
    }),
    envFrom: atomicList(ref(core('EnvFromSource')), 'Sources whose keys all become environment variables. Explicit `env` entries win.'),
    env: mergeList(ref(core('EnvVar')), 'name', 'Environment variables to set in the container.'),
    resources: ref(core('ResourceRequirements'), 'Compute resources requested and limited for this container.'),
    resizePolicy: atomicList(ref(core('ContainerResizePolicy')), 'How each resource may be resized in place.'),
    restartPolicy: str('For init containers only: `Always` makes it a sidecar that keeps running beside the main containers.'),
    volumeMounts: mergeList(ref(core('VolumeMount')), 'mountPath', 'Pod volumes to mount into the container filesystem.'),
    volumeDevices: mergeList(ref(core('VolumeDevice')), 'devicePath', 'Block devices the container uses.'),
    livenessProbe: ref(core('Probe'), 'Periodic check; the container is restarted when it fails.'),
    readinessProbe: ref(core('Probe'), 'Periodic check; the container receives no service traffic while it fails.'),
    startupProbe: ref(core('Probe'), 'Check that must succeed before the other probes start.'),
    lifecycle: ref(core('Lifecycle'), 'Actions run right after start and right before stop.'),
    terminationMessagePath: str('File whose content becomes the termination message. Defaults to /dev/termination-log.'),
    terminationMessagePolicy: str('`File` or `FallbackToLogsOnError`: where the termination message comes from.', {
      enum: ['FallbackToLogsOnError', 'File'],
    }),
    imagePullPolicy: str('When to pull the image: `Always`, `IfNotPresent` or `Never`. Defaults to Always for `:latest`, IfNotPresent otherwise.', {
      enum: PULL_POLICIES,
    }),
    securityContext: ref(core('SecurityContext'), 'Security options for this container, overriding the pod-level ones.'),
    stdin: bool('Allocate a stdin buffer for the container.'),
    stdinOnce: bool('Close stdin after the first attach session ends.'),
    tty: bool('Allocate a TTY; needs stdin.'),
  };
}

/** Containers and what they are made of: ports, environment, probes, resources, security. */
export const CORE_CONTAINER_DEFINITIONS: Definitions = {
  [core('Container')]: obj('A single application container in a pod.', containerFields(), ['name']),
  [core('EphemeralContainer')]: obj(
    'A temporary container added to a running pod for debugging. It has no ports, probes or resources of its own.',
    {
      ...containerFields(),
      targetContainerName: str('Container whose process namespace this one joins.'),
    },
    ['name'],
  ),
  [core('ContainerPort')]: obj(
    'A network port of a container.',
    {
      name: str('Name of the port (an IANA service name), unique within the pod; services may refer to it.'),
      hostPort: int32('Port to open on the node for this container port. Rarely needed.'),
      containerPort: int32('Port number on the pod IP, 1-65535.'),
      protocol: str('`TCP`, `UDP` or `SCTP`. Defaults to TCP.', { enum: ['SCTP', 'TCP', 'UDP'] }),
      hostIP: str('Node IP to bind the host port to.'),
    },
    ['containerPort'],
  ),
  [core('EnvVar')]: obj(
    'One environment variable.',
    {
      name: str('Variable name.'),
      value: str('Literal value; `$(VAR)` references to earlier variables are expanded, `$$(VAR)` escapes.'),
      valueFrom: ref(core('EnvVarSource'), 'Where to read the value from, instead of a literal.'),
    },
    ['name'],
  ),
  [core('EnvVarSource')]: obj('Where an environment variable takes its value from; exactly one source.', {
    fieldRef: ref(core('ObjectFieldSelector'), 'A field of the pod, e.g. `metadata.name` or `status.podIP`.'),
    resourceFieldRef: ref(core('ResourceFieldSelector'), 'A resource limit or request of a container.'),
    configMapKeyRef: ref(core('ConfigMapKeySelector'), 'A key of a ConfigMap in the pod namespace.'),
    secretKeyRef: ref(core('SecretKeySelector'), 'A key of a Secret in the pod namespace.'),
  }),
  [core('ObjectFieldSelector')]: obj(
    'Selects a field of the pod.',
    {
      apiVersion: str('Version the field path is written against; defaults to v1.'),
      fieldPath: str('Path of the field, e.g. `metadata.labels[\'app\']`.'),
    },
    ['fieldPath'],
  ),
  [core('ResourceFieldSelector')]: obj(
    'Selects a resource amount of a container.',
    {
      containerName: str('Container to read from; required for volumes, optional for env.'),
      resource: str('`limits.cpu`, `requests.memory`, ...'),
      divisor: quantity('Unit the value is expressed in; defaults to 1.'),
    },
    ['resource'],
  ),
  [core('ConfigMapKeySelector')]: obj(
    'Selects one key of a ConfigMap.',
    {
      name: str('Name of the ConfigMap.'),
      key: str('The key to read.'),
      optional: bool('Do not fail when the ConfigMap or key is missing.'),
    },
    ['key'],
  ),
  [core('SecretKeySelector')]: obj(
    'Selects one key of a Secret.',
    {
      name: str('Name of the Secret.'),
      key: str('The key to read.'),
      optional: bool('Do not fail when the Secret or key is missing.'),
    },
    ['key'],
  ),
  [core('EnvFromSource')]: obj('A ConfigMap or Secret whose keys all become environment variables.', {
    prefix: str('Prefix added to every variable name.'),
    configMapRef: ref(core('ConfigMapEnvSource'), 'The ConfigMap to read.'),
    secretRef: ref(core('SecretEnvSource'), 'The Secret to read.'),
  }),
  [core('ConfigMapEnvSource')]: obj('A ConfigMap used as a whole environment.', {
    name: str('Name of the ConfigMap.'),
    optional: bool('Do not fail when the ConfigMap is missing.'),
  }),
  [core('SecretEnvSource')]: obj('A Secret used as a whole environment.', {
    name: str('Name of the Secret.'),
    optional: bool('Do not fail when the Secret is missing.'),
  }),
  [core('VolumeMount')]: obj(
    'Mounts a pod volume into a container.',
    {
      name: str('Name of the pod volume.'),
      readOnly: bool('Mount read-only. Defaults to false.'),
      recursiveReadOnly: str('`Disabled`, `IfPossible` or `Enabled`: whether sub-mounts are read-only too.'),
      mountPath: str('Path inside the container; must not contain `:`.'),
      subPath: str('Sub-path of the volume to mount instead of its root.'),
      mountPropagation: str('`None`, `HostToContainer` or `Bidirectional`.', { enum: ['Bidirectional', 'HostToContainer', 'None'] }),
      subPathExpr: str('Like subPath, with `$(VAR)` references expanded from the container environment.'),
    },
    ['name', 'mountPath'],
  ),
  [core('VolumeDevice')]: obj(
    'Maps a raw block volume to a device path.',
    {
      name: str('Name of a PersistentVolumeClaim volume of the pod.'),
      devicePath: str('Device path inside the container.'),
    },
    ['name', 'devicePath'],
  ),
  [core('Probe')]: obj('A health check run by the kubelet against a container.', {
    exec: ref(core('ExecAction'), 'Run a command in the container; exit code 0 is success.'),
    httpGet: ref(core('HTTPGetAction'), 'HTTP GET; a 2xx or 3xx status is success.'),
    tcpSocket: ref(core('TCPSocketAction'), 'Open a TCP connection; connecting is success.'),
    grpc: ref(core('GRPCAction'), 'gRPC health check.'),
    initialDelaySeconds: int32('Seconds after the container start before the first probe.'),
    timeoutSeconds: int32('Seconds before a probe attempt times out. Defaults to 1.'),
    periodSeconds: int32('Seconds between probes. Defaults to 10.'),
    successThreshold: int32('Consecutive successes needed after a failure. Defaults to 1; must be 1 for liveness and startup.'),
    failureThreshold: int32('Consecutive failures before the probe is considered failed. Defaults to 3.'),
    terminationGracePeriodSeconds: int64('Grace period used when this probe kills the container, overriding the pod value.'),
  }),
  [core('ExecAction')]: obj('Runs a command inside the container.', {
    command: strList('Command and arguments; not run in a shell.'),
  }),
  [core('HTTPGetAction')]: obj(
    'An HTTP GET request.',
    {
      path: str('Request path.'),
      port: intOrString('Port number or name.'),
      host: str('Host to connect to; defaults to the pod IP.'),
      scheme: str('`HTTP` or `HTTPS`. Defaults to HTTP.', { enum: ['HTTP', 'HTTPS'] }),
      httpHeaders: atomicList(ref(core('HTTPHeader')), 'Extra request headers.'),
    },
    ['port'],
  ),
  [core('HTTPHeader')]: obj(
    'One HTTP header.',
    {
      name: str('Header name.'),
      value: str('Header value.'),
    },
    ['name', 'value'],
  ),
  [core('TCPSocketAction')]: obj(
    'A TCP connection attempt.',
    {
      port: intOrString('Port number or name.'),
      host: str('Host to connect to; defaults to the pod IP.'),
    },
    ['port'],
  ),
  [core('GRPCAction')]: obj(
    'A gRPC health check request.',
    {
      port: int32('Port of the gRPC service.'),
      service: str('Service name sent in the health check request.'),
    },
    ['port'],
  ),
  [core('Lifecycle')]: obj('Hooks run by the kubelet around the container life.', {
    postStart: ref(core('LifecycleHandler'), 'Run right after the container is created; failure restarts it.'),
    preStop: ref(core('LifecycleHandler'), 'Run before the container is stopped; counts against the grace period.'),
  }),
  [core('LifecycleHandler')]: obj('The action of a lifecycle hook; exactly one.', {
    exec: ref(core('ExecAction'), 'Run a command in the container.'),
    httpGet: ref(core('HTTPGetAction'), 'Send an HTTP GET.'),
    tcpSocket: ref(core('TCPSocketAction'), 'Deprecated; kept for compatibility.'),
    sleep: ref(core('SleepAction'), 'Wait some seconds.'),
  }),
  [core('SleepAction')]: obj('Waits a number of seconds.', { seconds: int64('Seconds to sleep.') }, ['seconds']),
  [core('ResourceRequirements')]: obj('Compute resources of a container.', {
    limits: resourceList('Most of each resource the container may use, e.g. `cpu: 500m`, `memory: 256Mi`.'),
    requests: resourceList('Resources reserved for the container at scheduling; default to the limits when unset.'),
    claims: arr(ref(core('ResourceClaim')), 'Dynamic resource claims of the pod this container uses.', {
      listType: 'map',
      listMapKeys: ['name'],
    }),
  }),
  [core('ResourceClaim')]: obj(
    'Refers to one entry of the pod resourceClaims.',
    {
      name: str('Name of the pod resource claim.'),
      request: str('Name of a request in the claim, to use only that part of it.'),
    },
    ['name'],
  ),
  [core('ContainerResizePolicy')]: obj(
    'How a resource of a container may be resized.',
    {
      resourceName: str('`cpu` or `memory`.'),
      restartPolicy: str('`NotRequired` or `RestartContainer`.'),
    },
    ['resourceName', 'restartPolicy'],
  ),
  [core('SecurityContext')]: obj('Security options of one container; they override the pod-level ones.', {
    capabilities: ref(core('Capabilities'), 'Linux capabilities to add or drop.'),
    privileged: bool('Run privileged, like root on the host. Defaults to false.'),
    seLinuxOptions: ref(core('SELinuxOptions'), 'SELinux context of the container.'),
    windowsOptions: ref(core('WindowsSecurityContextOptions'), 'Windows-specific settings.'),
    runAsUser: int64('UID the process runs as.'),
    runAsGroup: int64('GID the process runs as.'),
    runAsNonRoot: bool('Refuse to start the container when it would run as UID 0.'),
    readOnlyRootFilesystem: bool('Mount the root filesystem read-only.'),
    allowPrivilegeEscalation: bool('Whether a process may gain more privileges than its parent (no_new_privs).'),
    procMount: str('`Default` or `Unmasked` /proc mount.'),
    seccompProfile: ref(core('SeccompProfile'), 'Seccomp profile of the container.'),
    appArmorProfile: ref(core('AppArmorProfile'), 'AppArmor profile of the container.'),
  }),
  [core('Capabilities')]: obj('Linux capabilities to add to or drop from the defaults.', {
    add: strList('Capabilities to add, e.g. `NET_ADMIN`.'),
    drop: strList('Capabilities to drop, e.g. `ALL`.'),
  }),
  [core('SELinuxOptions')]: obj('An SELinux label.', {
    user: str('SELinux user.'),
    role: str('SELinux role.'),
    type: str('SELinux type.'),
    level: str('SELinux level.'),
  }),
  [core('WindowsSecurityContextOptions')]: obj('Windows-specific security settings.', {
    gmsaCredentialSpecName: str('Name of the GMSA credential spec to use.'),
    gmsaCredentialSpec: str('Content of the GMSA credential spec.'),
    runAsUserName: str('Windows user name the process runs as.'),
    hostProcess: bool('Run as a Windows host process container.'),
  }),
  [core('SeccompProfile')]: obj(
    'A seccomp profile.',
    {
      type: str('`RuntimeDefault`, `Unconfined` or `Localhost`.', { enum: ['Localhost', 'RuntimeDefault', 'Unconfined'] }),
      localhostProfile: str('Profile file on the node, relative to the kubelet seccomp directory; only for Localhost.'),
    },
    ['type'],
  ),
  [core('AppArmorProfile')]: obj(
    'An AppArmor profile.',
    {
      type: str('`RuntimeDefault`, `Unconfined` or `Localhost`.', { enum: ['Localhost', 'RuntimeDefault', 'Unconfined'] }),
      localhostProfile: str('Name of a profile loaded on the node; only for Localhost.'),
    },
    ['type'],
  ),
};
