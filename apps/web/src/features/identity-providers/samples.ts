import type { LdapConfig } from '@wheelhouse/shared';

/** Filter presets the admin form can fill in: OpenLDAP (groupOfNames) and Active Directory. */
export const LDAP_SAMPLES: Record<'openldap' | 'activeDirectory', Partial<LdapConfig>> = {
  openldap: {
    userFilter: '(uid={username})',
    usernameAttribute: 'uid',
    displayNameAttribute: 'cn',
    emailAttribute: 'mail',
    groupFilter: '(member={dn})',
    groupNameAttribute: 'cn',
    activeDirectoryMatchingRuleInChain: false,
  },
  activeDirectory: {
    userFilter: '(&(objectClass=user)(sAMAccountName={username}))',
    usernameAttribute: 'sAMAccountName',
    displayNameAttribute: 'displayName',
    emailAttribute: 'mail',
    groupFilter: '(member:1.2.840.113556.1.4.1941:={dn})',
    groupNameAttribute: 'cn',
    activeDirectoryMatchingRuleInChain: true,
  },
};
