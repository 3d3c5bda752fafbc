'use client';
import { useEffect } from 'react';
import { useRouter } from 'next/navigation';

/** `/ui/`: the overview. */
export default function Home() {
  const router = useRouter();
  useEffect(() => router.replace('/overview/'), [router]);
  return null;
}
