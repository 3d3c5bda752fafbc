import { Suspense } from 'react';
import { SearchPage } from '@/components/search/search-page';

/** `/search/?q=`: the query is in the URL (the page is static). */
export default function Page() {
  return (
    <Suspense>
      <SearchPage />
    </Suspense>
  );
}
