'use client';
import { TokensAdmin } from '@/components/admin/tokens/tokens-admin';

/** API tokens and kubeconfig downloads. */
export default function TokensPage() {
  return <TokensAdmin />;
}
