import { randomUUID } from 'crypto';
import { Logger } from '@nestjs/common';
import {
  Errors,
  deliveryChangeCause,
  deployHookUserName,
  findResourceType,
  hookIdOf,
  isValidDeliveryId,
  parseDelivery,
  planDelivery,
  withContainerImage,
  withLastDelivery,
  type DeliveryParseResult,
  type DeployHook,
  type KubeObject,
  type ParsedDelivery,
} from '@skiff/domain';
import type { EventRecorder } from '../events/event-recorder';
import type { ObjectRegistry } from '../registry/object-registry';
import type { RequestContext } from '../registry/request-context';
import { answer, asDelivery, failure, type DeliveryAnswer } from './delivery-answer';
import type { DeliveryLog, DeliveryRecord, DeliveryResult } from './delivery-log';
import { DEPLOY_HOOKS, type HookReader } from './hook-reader';
import { SIGNATURE_HEADER, sha256Hex, signatureMatches } from './signature';

export interface IncomingDelivery {
  /** The path segment after `/hooks/`. */
  hookId: string;
  /** Headers, names in lower case. */
  headers: Record<string, string | undefined>;
  body: Buffer;
  sourceIP: string;
}

const TARGETS: Record<string, ReturnType<typeof findResourceType>> = {
  Deployment: findResourceType('apps', 'v1', 'deployments'),
  StatefulSet: findResourceType('apps', 'v1', 'statefulsets'),
};

/** The one answer to every delivery that is not proven to come from the hook's owner. */
const UNAUTHORIZED = () => Errors.unauthorized('Unauthorized: the delivery is not signed with the token of a deploy hook at this path');

/**
 * `POST /hooks/<uid>`: the signature is the authentication. An unknown hook, a missing
 * Secret and a wrong signature all get the same 401 and change nothing (and are not
 * logged as deliveries, so nobody without the token can fill the log or take a delivery
 * id). A signed delivery is claimed by its id, planned against the target, written
 * through the registry as the hook's own user, logged, and put in the hook's status.
 */
export class DeliveryHandler {
  private readonly logger = new Logger('deployhooks');

  constructor(
    private readonly hooks: HookReader,
    private readonly log: DeliveryLog,
    private readonly registry: ObjectRegistry,
    private readonly events: EventRecorder,
  ) {}

  async deliver(d: IncomingDelivery): Promise<DeliveryAnswer> {
    const uid = hookIdOf(d.hookId);
    const hook = uid ? await this.hooks.byUid(uid) : undefined;
    if (!hook) throw UNAUTHORIZED();
    const where = `deployhook ${hook.metadata.namespace}/${hook.metadata.name}`;
    const token = await this.hooks.signingToken(hook);
    if (!token) {
      this.logger.warn(`${where}: refused a delivery from ${d.sourceIP}: Secret "${hook.spec.secretRef.name}" with key "token" not found`);
      throw UNAUTHORIZED();
    }
    if (!signatureMatches(d.body, d.headers[SIGNATURE_HEADER], token)) {
      this.logger.warn(`${where}: refused a delivery from ${d.sourceIP}: ${d.headers[SIGNATURE_HEADER] ? 'wrong' : 'no'} ${SIGNATURE_HEADER} signature`);
      throw UNAUTHORIZED();
    }

    const parsed = this.parse(hook, d);
    const read = 'delivery' in parsed ? parsed.delivery : parsed;
    const deliveryId = read.deliveryId ?? randomUUID();
    const image = 'delivery' in parsed ? parsed.delivery.images.at(-1) : undefined;
    const claim = await this.log.claim(hook.metadata.uid!, { deliveryId, sourceIP: d.sourceIP, eventType: read.eventType, image });
    if (!claim.claimed) return this.again(hook, claim.first);

    const result: DeliveryResult = 'delivery' in parsed ? await this.apply(hook, parsed.delivery, deliveryId) : { outcome: 'rejected', code: 400, message: parsed.error };
    const record = await this.log.finish(hook.metadata.uid!, deliveryId, result);
    await this.report(hook, record);
    return answer(hook, record);
  }

  /** The payload read as the hook's type (or as detected); an unreadable body is a rejected delivery. */
  private parse(hook: DeployHook, d: IncomingDelivery): DeliveryParseResult {
    let body: unknown;
    try {
      body = JSON.parse(d.body.toString('utf8'));
    } catch (e) {
      const header = d.headers['x-github-delivery'];
      const deliveryId = header && isValidDeliveryId(header) ? header : undefined;
      return { error: `the body is not JSON: ${(e as Error).message}`, type: hook.spec.type ?? 'generic', eventType: 'unknown', deliveryId };
    }
    return parseDelivery({ headers: d.headers, body, bodyDigest: sha256Hex(d.body), type: hook.spec.type });
  }

  /** A redelivery: the first answer again, nothing done. */
  private again(hook: DeployHook, first: DeliveryRecord): DeliveryAnswer {
    this.logger.log(`deployhook ${hook.metadata.namespace}/${hook.metadata.name}: delivery ${first.deliveryId} again (${first.outcome}); nothing done`);
    if (first.outcome === 'pending') return { code: 202, body: asDelivery(hook, first, { duplicate: true }) };
    return answer(hook, first, true);
  }

  private async apply(hook: DeployHook, delivery: ParsedDelivery, deliveryId: string): Promise<DeliveryResult> {
    const ns = hook.metadata.namespace!;
    const { kind, name } = hook.spec.target;
    const type = TARGETS[kind];
    if (!type) return { outcome: 'failed', code: 422, message: `spec.target.kind ${kind} is not a kind a hook deploys to` };
    let target: KubeObject;
    try {
      target = await this.registry.get(type, ns, name);
    } catch (e) {
      return failure(e);
    }
    const plan = planDelivery({ spec: hook.spec, target, images: delivery.images, note: delivery.note, refuseOtherRepositories: delivery.type === 'generic' });
    const rv = target.metadata.resourceVersion;
    if (plan.outcome !== 'applied') {
      const code = plan.outcome === 'rejected' || plan.outcome === 'failed' ? 422 : 200;
      return { outcome: plan.outcome, code, message: plan.message, image: plan.image, targetResourceVersion: rv };
    }
    const cause = deliveryChangeCause({ namespace: ns, name: hook.metadata.name! }, deliveryId, plan.image!);
    try {
      const updated = await this.registry.update(type, ns, name, (current) => withContainerImage(current, plan.container!, plan.image!, cause), 'main', this.context(hook));
      // A concurrent write may have set the image first: then this delivery changed nothing.
      const ours = updated.metadata.annotations?.['kubernetes.io/change-cause'] === cause;
      const outcome = ours ? 'applied' : 'unchanged';
      const message = ours ? plan.message : `container "${plan.container}" already runs ${plan.image}`;
      if (ours) await this.events.record(updated, 'Normal', 'DeployHookApplied', `${cause} (container "${plan.container}")`);
      return { outcome, code: 200, message, image: plan.image, targetResourceVersion: updated.metadata.resourceVersion };
    } catch (e) {
      return { ...failure(e), image: plan.image };
    }
  }

  /** The hook's writes are made as its own user, for the record (the registry checks no rights). */
  private context(hook: DeployHook): RequestContext {
    const user = deployHookUserName({ namespace: hook.metadata.namespace!, name: hook.metadata.name! });
    return { user: { name: user, groups: ['skiff:deployhooks'] }, dryRun: false, fieldValidation: 'Ignore', warnings: [] };
  }

  /** Server log, an Event on the hook, and status.lastDelivery; none of them may fail the delivery. */
  private async report(hook: DeployHook, record: DeliveryRecord): Promise<void> {
    const where = `deployhook ${hook.metadata.namespace}/${hook.metadata.name}`;
    const line = `${where}: delivery ${record.deliveryId} from ${record.sourceIP} (${record.eventType}) ${record.outcome}: ${record.message}`;
    const warning = record.outcome === 'rejected' || record.outcome === 'failed';
    if (warning) this.logger.warn(line);
    else this.logger.log(line);
    const reason = `Delivery${record.outcome[0].toUpperCase()}${record.outcome.slice(1)}`;
    await this.events.record(hook, warning ? 'Warning' : 'Normal', reason, `delivery ${record.deliveryId}: ${record.message}`);
    const last = {
      id: record.deliveryId,
      time: record.receivedAt.replace(/\.\d{3}Z$/, 'Z'),
      outcome: record.outcome as Exclude<DeliveryRecord['outcome'], 'pending'>,
      ...(record.image ? { image: record.image } : {}),
      message: record.message,
    };
    try {
      await this.registry.update(DEPLOY_HOOKS, hook.metadata.namespace!, hook.metadata.name!, (h) => withLastDelivery(h, last), 'status', this.context(hook));
    } catch (e) {
      this.logger.warn(`${where}: could not record the last delivery in its status: ${(e as Error).message}`);
    }
  }
}
