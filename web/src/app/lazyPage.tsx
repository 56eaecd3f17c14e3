import { lazy, Suspense, type ComponentType } from 'react';
import { PageSkeleton } from '../components/PageSkeleton';

/** A page loaded when first opened, inside the layout (which stays on screen meanwhile). */
export function lazyPage(load: () => Promise<ComponentType>) {
  const Page = lazy(async () => ({ default: await load() }));
  return (
    <Suspense fallback={<PageSkeleton />}>
      <Page />
    </Suspense>
  );
}
