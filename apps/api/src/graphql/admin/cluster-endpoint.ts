import * as fs from 'fs';
import type { AddressInfo } from 'net';
import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { kubeconfigYaml } from '../../auth/kubeconfig';
import { SKIFF_CONFIG, type SkiffConfig } from '../../config/skiff-config';
import { clusterCaFile } from '../../tls/pki';

/**
 * How clients reach this API: its address, as the admin kubeconfig names it
 * (`https://<SKIFF_HOST>:<port>`), and the cluster CA to trust. Kubeconfigs made over
 * GraphQL point where the CLI's do.
 */
@Injectable()
export class ClusterEndpoint {
  constructor(
    @Inject(SKIFF_CONFIG) private readonly config: SkiffConfig,
    @Inject(HttpAdapterHost) private readonly adapter: HttpAdapterHost,
  ) {}

  server(): string {
    const address = this.adapter.httpAdapter.getHttpServer().address() as AddressInfo | string | null;
    const port = typeof address === 'object' && address ? address.port : this.config.port;
    return `https://${this.config.host}:${port}`;
  }

  /** A kubeconfig for `user` with `token`, its context in `namespace` (default `default`). */
  kubeconfig(user: string, token: string, namespace?: string): string {
    const caCert = fs.readFileSync(clusterCaFile(this.config.home), 'utf8');
    return kubeconfigYaml({ server: this.server(), caCert, token, user, namespace });
  }
}
