'use client';
import { BindingsAdmin } from '@/components/admin/bindings/bindings-admin';

/** Who holds which role where. */
export default function BindingsPage() {
  return <BindingsAdmin />;
}
