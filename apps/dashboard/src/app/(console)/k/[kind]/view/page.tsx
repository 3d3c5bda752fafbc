import { Suspense } from 'react';
import { KINDS } from '@/lib/kinds';
import { ResourceDetailPage } from '@/components/detail/resource-detail-page';

export function generateStaticParams() {
  return KINDS.map((k) => ({ kind: k.slug }));
}

/** `/k/<kind>/view/?namespace=&name=`: one object (the name is in the query: the pages are static). */
export default async function Page({ params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  return (
    <Suspense>
      <ResourceDetailPage slug={kind} />
    </Suspense>
  );
}
