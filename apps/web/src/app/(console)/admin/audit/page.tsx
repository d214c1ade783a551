import { sectionMetadata } from '@/features/shell/section-metadata';
import { AuditPage } from '@/features/audit/components/audit-page';

export const generateMetadata = sectionMetadata('audit');

export default function Page() {
  return <AuditPage />;
}
