import { Errors, type KubeObject } from '@skiff/domain';
import { keyString } from '../store/store-types';
import type { Admission, Admitted } from './admission';
import { ipToString, parseCidr } from './cidr';
import { RetryWrite } from './retry-write';

interface NodeSpec {
  podCIDR?: string;
  podCIDRs?: string[];
}

/**
 * Each Node gets its own slice of the pod range (spec.podCIDR, a /24 of 127.64.0.0/10
 * by default), as kube-controller-manager's range allocator does; the agent gives pod
 * IPs from it. Held as a claim, like cluster IPs, so two nodes never share one.
 */
export async function admitNode(adm: Admission, input: KubeObject, old: KubeObject | undefined): Promise<Admitted> {
  const obj = structuredClone(input);
  const spec = (obj.spec ??= {}) as NodeSpec;
  const oldSpec = (old?.spec ?? {}) as NodeSpec;
  if (!spec.podCIDR && oldSpec.podCIDR) spec.podCIDR = oldSpec.podCIDR;
  const range = parseCidr(adm.podCidr);
  const size = 2 ** (32 - adm.nodeCidrMaskSize);
  const slices = range.size / size;
  let chosen = false;
  if (spec.podCIDR) {
    const [ip, bits] = spec.podCIDR.split('/');
    const start = parseCidr(`${ip}/32`).base;
    if (Number(bits) !== adm.nodeCidrMaskSize || start < range.base || start >= range.base + range.size || (start - range.base) % size !== 0) {
      throw Errors.invalid('', 'Node', obj.metadata.name ?? '', [
        {
          reason: 'FieldValueInvalid',
          field: 'spec.podCIDR',
          message: `Invalid value: "${spec.podCIDR}": must be a /${adm.nodeCidrMaskSize} of the pod range ${adm.podCidr}`,
        },
      ]);
    }
    chosen = spec.podCIDR !== oldSpec.podCIDR;
  } else {
    // From a random starting slice, so nodes registering at once rarely pick the same one.
    const used = await adm.usedClaims('podcidr:');
    const start = Math.floor(Math.random() * slices);
    for (let i = 0; i < slices && !spec.podCIDR; i++) {
      const cidr = `${ipToString(range.base + ((start + i) % slices) * size)}/${adm.nodeCidrMaskSize}`;
      if (!used.has(`podcidr:${cidr}`)) spec.podCIDR = cidr;
    }
    if (!spec.podCIDR) throw Errors.internal(`no pod CIDR left in ${adm.podCidr}`);
  }
  spec.podCIDRs = [spec.podCIDR];
  const claim = `podcidr:${spec.podCIDR}`;
  return {
    object: obj,
    claims: [claim],
    checkClaims: (holder, key) => {
      const h = holder(claim);
      if (!h || h === keyString(key)) return;
      if (!chosen) throw new RetryWrite();
      throw Errors.invalid('', 'Node', obj.metadata.name ?? '', [
        { reason: 'FieldValueInvalid', field: 'spec.podCIDR', message: `Invalid value: "${spec.podCIDR}": already allocated to another node` },
      ]);
    },
  };
}
