import { ADMIN_DN, ADMIN_PW, BASE, seedLdif } from '../../api/test/setup/slapd';

/**
 * The throwaway OpenLDAP directory that global-setup.ts starts for the whole run (the API integration tests'
 * slapd helper). Lin is a developer only through a nested group: lin ∈ frontend ∈ developers.
 */
export const LDAP_USER = { username: 'lin', displayName: 'Lin Xiao 林晓', password: 'lin-password' } as const;
export const ldapGroupDn = (cn: string) => `cn=${cn},ou=groups,${BASE}`;
export const LDAP_SETTINGS = {
  bindDn: ADMIN_DN,
  bindPassword: ADMIN_PW,
  userSearchBase: `ou=people,${BASE}`,
  groupSearchBase: `ou=groups,${BASE}`,
} as const;

export function directorySeed(): Promise<string> {
  return seedLdif(
    [{ uid: LDAP_USER.username, cn: LDAP_USER.displayName }],
    [
      { cn: 'frontend', members: [`uid=${LDAP_USER.username},ou=people,${BASE}`] },
      { cn: 'developers', members: [ldapGroupDn('frontend')] },
    ],
  );
}

/** ldap:// URL of the running slapd, passed to the workers through the environment. */
export const ldapUrl = (): string => {
  const url = process.env.E2E_LDAP_URL;
  if (!url) {
    throw new Error('E2E_LDAP_URL is not set: global-setup.ts starts slapd');
  }
  return url;
};
