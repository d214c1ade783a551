import type { ReactNode } from 'react';
import { AuthGate } from '@/features/auth/components/auth-gate';
import { UserMenu } from '@/features/auth/components/user-menu';
import { CommandPalette } from '@/features/search/components/command-palette';
import { AppShell } from '@/features/shell/components/app-shell';

export default function ConsoleLayout({ children }: { children: ReactNode }) {
  return (
    <AuthGate>
      <AppShell tools={<CommandPalette />} userMenu={<UserMenu />}>
        {children}
      </AppShell>
    </AuthGate>
  );
}
