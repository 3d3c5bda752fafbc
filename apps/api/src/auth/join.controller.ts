import { Controller, Inject, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Errors, isDNS1123Subdomain } from '@skiff/domain';
import { readObjectBody } from '../kube-api/body-reader';
import { send } from '../kube-api/negotiation';
import type { AuthenticatedRequest } from './bearer-auth.middleware';
import { BOOTSTRAPPERS_GROUP, MASTERS_GROUP, NODES_GROUP, TokenService } from './token.service';

const MAX_NODES = 10_000;

/**
 * `POST /skiff/v1/join {"nodes": ["name", …]}` with the join token (as `kubeadm join`
 * uses a bootstrap token): answers a node token that may act only for those nodes.
 * One agent playing many simulated nodes asks for all of them at once.
 */
@Controller('skiff/v1')
export class JoinController {
  constructor(@Inject(TokenService) private readonly tokens: TokenService) {}

  @Post('join')
  async join(@Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    const user = req.user!;
    if (!user.groups.includes(BOOTSTRAPPERS_GROUP) && !user.groups.includes(MASTERS_GROUP)) {
      throw Errors.forbidden(`User "${user.name}" cannot join nodes: a join token is needed`);
    }
    const body = (await readObjectBody(req)) as { nodes?: unknown };
    const nodes = body?.nodes;
    if (!Array.isArray(nodes) || nodes.length === 0 || nodes.length > MAX_NODES) {
      throw Errors.invalid('skiff.io', 'Join', '', [{ reason: 'FieldValueInvalid', field: 'nodes', message: `Invalid value: must list 1 to ${MAX_NODES} node names` }]);
    }
    const causes = nodes.flatMap((n, i) =>
      typeof n === 'string' && isDNS1123Subdomain(n).length === 0 ? [] : [{ reason: 'FieldValueInvalid', field: `nodes[${i}]`, message: `Invalid value: ${JSON.stringify(n)}: a node name must be a lowercase RFC 1123 subdomain` }],
    );
    if (causes.length) throw Errors.invalid('skiff.io', 'Join', '', causes);
    const names = [...new Set(nodes as string[])];
    const who = names.length === 1 ? names[0] : `${names[0]}+${names.length - 1}`;
    const token = await this.tokens.issue(`node token for ${who}`, { name: `system:node:${who}`, groups: [NODES_GROUP], nodes: names });
    send(req, res, 201, { kind: 'NodeToken', apiVersion: 'skiff.io/v1', nodes: names, token });
  }
}
