import { asStr, dig } from './format';
import { since } from './human-duration';
import { AGE_COLUMN, column, NAME_COLUMN, TablePrinter, wideColumn } from './types';

/** skiff.io DeployHook: what it deploys to, where to post, and what the last delivery did. */
export const DEPLOY_HOOK_PRINTER: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Target', 'string', 'The workload the hook deploys to, as Kind/name.'),
    column('Path', 'string', 'The path to POST deliveries to.'),
    column('Last Delivery', 'string', 'Time since the last signed delivery.'),
    column('Outcome', 'string', 'What the last delivery did: applied, unchanged, ignored, rejected or failed.'),
    AGE_COLUMN,
    wideColumn('Container', 'string', 'The container whose image a delivery sets.'),
    wideColumn('Image', 'string', 'The image the last delivery named.'),
  ],
  cells(hook, now) {
    const target = dig(hook, 'spec', 'target');
    const status = dig(hook, 'status');
    const last = dig(status, 'lastDelivery');
    const time = asStr(last.time);
    return [
      hook.metadata?.name ?? '',
      `${asStr(target.kind)}/${asStr(target.name)}`,
      asStr(status.webhookPath) || '<pending>',
      time ? since(time, now) : '<none>',
      asStr(last.outcome) || '<none>',
      since(hook.metadata?.creationTimestamp, now),
      asStr(target.container) || '<none>',
      asStr(last.image) || '<none>',
    ];
  },
};
