import {
  atomicList, bool, core, Definitions, int32, intOrString, kindObj, meta, mergeList, obj, ref, str, strList, strMap,
} from '../dsl';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/** Services and Endpoints. */
export const CORE_SERVICE_DEFINITIONS: Definitions = {
  [core('Service')]: kindObj('A stable virtual IP and DNS name in front of a set of pods, with optional external exposure.', {
    spec: ref(core('ServiceSpec'), 'Desired behaviour of the service.'),
    status: ref(core('ServiceStatus'), 'Most recently observed state of the service. Read-only.'),
  }),
  [core('ServiceSpec')]: obj('Desired behaviour of a service.', {
    ports: mergeList(ref(core('ServicePort')), 'port', 'Ports the service exposes.', { listMapKeys: ['port', 'protocol'] }),
    selector: strMap('Pods with these labels receive the traffic; without a selector the endpoints are managed by hand.', 'atomic'),
    clusterIP: str('Virtual IP of the service, allocated when empty; `None` makes the service headless.'),
    clusterIPs: strList('Virtual IPs of the service, one per IP family; the first equals clusterIP.'),
    type: str('`ClusterIP` (default), `NodePort`, `LoadBalancer` or `ExternalName`.', {
      enum: ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
    }),
    externalIPs: strList('Extra IPs on which the nodes accept traffic for the service.'),
    sessionAffinity: str('`ClientIP` sends a client to the same pod; `None` (default) does not.', { enum: ['ClientIP', 'None'] }),
    loadBalancerIP: str('Deprecated: IP requested from the load balancer.'),
    loadBalancerSourceRanges: strList('Client CIDRs allowed through the load balancer.'),
    externalName: str('DNS name returned as a CNAME for ExternalName services.'),
    externalTrafficPolicy: str('`Cluster` (default) or `Local`: whether external traffic may leave the receiving node.', {
      enum: ['Cluster', 'Local'],
    }),
    healthCheckNodePort: int32('Node port for the load balancer health check, with externalTrafficPolicy Local.'),
    publishNotReadyAddresses: bool('List pods in the endpoints even when they are not ready.'),
    sessionAffinityConfig: ref(core('SessionAffinityConfig'), 'Settings of the session affinity.'),
    ipFamilies: strList('`IPv4` and/or `IPv6`, in order of preference.'),
    ipFamilyPolicy: str('`SingleStack`, `PreferDualStack` or `RequireDualStack`.', {
      enum: ['PreferDualStack', 'RequireDualStack', 'SingleStack'],
    }),
    allocateLoadBalancerNodePorts: bool('Whether LoadBalancer services get node ports. Defaults to true.'),
    loadBalancerClass: str('Load balancer implementation to use, instead of the cloud provider default.'),
    internalTrafficPolicy: str('`Cluster` (default) or `Local`: whether in-cluster traffic may leave the node.', { enum: ['Cluster', 'Local'] }),
    trafficDistribution: str('Routing preference, e.g. `PreferClose` for topologically close endpoints.'),
  }),
  [core('ServicePort')]: obj(
    'A port of a service.',
    {
      name: str('Name of the port; required when there are several.'),
      protocol: str('`TCP` (default), `UDP` or `SCTP`.', { enum: PROTOCOLS }),
      appProtocol: str('Application protocol, e.g. `http` or `kubernetes.io/h2c`.'),
      port: int32('Port the service listens on.'),
      targetPort: intOrString('Port number or name on the pods; defaults to port.'),
      nodePort: int32('Port opened on every node for NodePort and LoadBalancer services; allocated when unset.'),
    },
    ['port'],
  ),
  [core('SessionAffinityConfig')]: obj('Settings of session affinity.', {
    clientIP: ref(core('ClientIPConfig'), 'Settings of ClientIP affinity.'),
  }),
  [core('ClientIPConfig')]: obj('Settings of ClientIP affinity.', {
    timeoutSeconds: int32('Seconds a client sticks to a pod. Defaults to 10800 (3 hours).'),
  }),
  [core('ServiceStatus')]: obj('Observed state of a service.', {
    loadBalancer: ref(core('LoadBalancerStatus'), 'The load balancer, if any.'),
    conditions: mergeList(ref(meta('Condition')), 'type', 'Current conditions of the service.'),
  }),
  [core('LoadBalancerStatus')]: obj('State of a load balancer.', {
    ingress: atomicList(ref(core('LoadBalancerIngress')), 'Points where traffic enters the load balancer.'),
  }),
  [core('LoadBalancerIngress')]: obj('An entry point of a load balancer.', {
    ip: str('IP of the entry point.'),
    hostname: str('Host name of the entry point.'),
    ipMode: str('`VIP` or `Proxy`: how traffic reaches the nodes.'),
    ports: atomicList(ref(core('PortStatus')), 'State of each service port.'),
  }),
  [core('PortStatus')]: obj(
    'State of one port.',
    {
      port: int32('Port number.'),
      protocol: str('`TCP`, `UDP` or `SCTP`.', { enum: PROTOCOLS }),
      error: str('Problem with the port, in CamelCase; empty when fine.'),
    },
    ['port', 'protocol'],
  ),
  [core('Endpoints')]: kindObj('The network addresses that implement a service.', {
    subsets: atomicList(ref(core('EndpointSubset')), 'Groups of addresses that share the same ports.'),
  }),
  [core('EndpointSubset')]: obj('Addresses that all serve the same ports.', {
    addresses: atomicList(ref(core('EndpointAddress')), 'Addresses ready to receive traffic.'),
    notReadyAddresses: atomicList(ref(core('EndpointAddress')), 'Addresses not ready yet.'),
    ports: atomicList(ref(core('EndpointPort')), 'Ports served on every address.'),
  }),
  [core('EndpointAddress')]: obj(
    'One endpoint address.',
    {
      ip: str('IP of the endpoint.'),
      hostname: str('Hostname of the endpoint.'),
      nodeName: str('Node hosting the endpoint.'),
      targetRef: ref(core('ObjectReference'), 'The object (usually a pod) behind the endpoint.'),
    },
    ['ip'],
  ),
  [core('EndpointPort')]: obj(
    'A port of the endpoints.',
    {
      name: str('Name matching a service port name.'),
      port: int32('Port number.'),
      protocol: str('`TCP` (default), `UDP` or `SCTP`.', { enum: PROTOCOLS }),
      appProtocol: str('Application protocol of the port.'),
    },
    ['port'],
  ),
};
