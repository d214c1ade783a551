import type { ReactNode } from 'react';
import { AuthGate } from '@/features/auth/components/auth-gate';
import { ListPrefetch } from '@/features/resources/components/list-prefetch';
import { UserMenu } from '@/features/auth/components/user-menu';
import { CommandPalette } from '@/features/search/components/command-palette';
import { AppShell } from '@/features/shell/components/app-shell';

export default function ConsoleLayout({ children }: { children: ReactNode }) {
  return (
    <AuthGate alongside={<ListPrefetch />}>
      <AppShell tools={<CommandPalette />} userMenu={<UserMenu />}>
        {children}
      </AppShell>
    </AuthGate>
  );
}
