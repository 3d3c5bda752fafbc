import { InitialStore1764000000000 } from './1764000000000-initial-store';
import { NodeTokens1764100000000 } from './1764100000000-node-tokens';
import { Lz4Bodies1764200000000 } from './1764200000000-lz4-bodies';
import { Accounts1764300000000 } from './1764300000000-accounts';
import { DeployHookDeliveries1764400000000 } from './1764400000000-deploy-hook-deliveries';
import { Sessions1764450000000 } from './1764450000000-sessions';
import { AuditEvents1764500000000 } from './1764500000000-audit-events';
import { AuditIds1764600000000 } from './1764600000000-audit-ids';
import { AuditImpersonation1764700000000 } from './1764700000000-audit-impersonation';

export const STORE_MIGRATIONS = [InitialStore1764000000000, NodeTokens1764100000000, Lz4Bodies1764200000000, Accounts1764300000000, DeployHookDeliveries1764400000000, Sessions1764450000000, AuditEvents1764500000000, AuditIds1764600000000, AuditImpersonation1764700000000];
