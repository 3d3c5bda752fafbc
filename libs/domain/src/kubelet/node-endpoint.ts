/**
 * How the API and a node's agent know each other on the node's own endpoint (the
 * kubelet's port 10250): the agent publishes its self-signed certificate's SHA-256
 * fingerprint on its Node under this annotation, for the API to pin; the API presents a
 * client certificate from the cluster CA with this common name.
 */
export const SERVING_CERT_ANNOTATION = 'skiff.io/kubelet-serving-cert-sha256';

export const KUBELET_CLIENT_CN = 'skiff:apiserver-kubelet-client';
