'use client';
import { UserBindingsDrawer } from '@/features/rbac/components/user-bindings-drawer';
import { UsersPage } from '@/features/users/components/users-page';

// Client-side composition: the page hands users a render slot (a function cannot cross the server boundary).
export function UsersWithBindings() {
  return <UsersPage userBindings={(user, onClose) => <UserBindingsDrawer user={user} onClose={onClose} />} />;
}
