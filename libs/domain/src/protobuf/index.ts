export { decodeKubeProtobuf, PROTOBUF_KINDS } from './kube-protobuf';
