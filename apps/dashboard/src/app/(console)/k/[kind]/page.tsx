import { KINDS } from '@/lib/kinds';
import { ResourceListPage } from '@/components/resource-list-page';

export function generateStaticParams() {
  return KINDS.map((k) => ({ kind: k.slug }));
}

export default async function Page({ params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  return <ResourceListPage slug={kind} />;
}
