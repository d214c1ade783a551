import { sectionMetadata } from '@/features/shell/section-metadata';
import { TokensPage } from '@/features/tokens/components/tokens-page';

export const generateMetadata = sectionMetadata('tokens');

export default function Page() {
  return <TokensPage />;
}
