'use client';
import { HooksAdmin } from '@/components/admin/hooks/hooks-admin';

/** Deploy webhooks and their deliveries. */
export default function HooksPage() {
  return <HooksAdmin />;
}
