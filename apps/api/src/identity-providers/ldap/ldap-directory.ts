import type { LdapConfig, ProviderTestResult } from '@wheelhouse/shared';
import { Client, escapeFilter, InvalidCredentialsError, ResultCodeError, type Entry } from 'ldapts';

export interface DirectoryUser {
  dn: string;
  username: string;
  displayName: string;
  email: string | null;
  groups: string[];
}

export class DirectoryError extends Error {
  constructor(
    readonly step: ProviderTestResult['step'],
    message: string,
  ) {
    super(message);
  }
}

/** Fills `{name}` in an admin's filter template with an RFC 4515-escaped value (via ldapts' escapeFilter). */
export function fillFilter(template: string, name: 'username' | 'dn', value: string): string {
  const parts = template.split(`{${name}}`);
  const strings = Object.assign([...parts], { raw: [...parts] }) as unknown as TemplateStringsArray;
  return escapeFilter(strings, ...Array<string>(parts.length - 1).fill(value));
}

const first = (e: Entry, attr: string): string | null => {
  const v = e[attr];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined ? null : Buffer.isBuffer(s) ? s.toString('utf8') : String(s);
};

/**
 * One LDAP/AD directory. Login: bind as the service account → search exactly one user → bind as that user →
 * read groups (nested up to a depth, or server-side with AD's matching rule in chain). "No such user", "several
 * users" and "wrong password" all surface as `null` so callers cannot tell them apart.
 */
export class LdapDirectory {
  constructor(
    private readonly config: LdapConfig,
    private readonly bindPassword: string,
  ) {}

  async authenticate(username: string, password: string): Promise<DirectoryUser | null> {
    if (!password) return null; // an empty password is an anonymous bind on many servers
    return this.session(async (client, url) => {
      const entry = await this.findUser(client, username);
      if (!entry) return null;
      const userClient = await this.connect(url);
      try {
        await userClient.bind(entry.dn, password);
      } catch (err) {
        if (err instanceof InvalidCredentialsError) return null;
        throw new DirectoryError('bind', `user bind failed: ${(err as Error).message}`);
      } finally {
        await userClient.unbind().catch(() => undefined);
      }
      return this.toUser(client, entry);
    });
  }

  /** For refreshes and the admin's "test user lookup": the user and groups, without their password. */
  async lookup(username: string): Promise<DirectoryUser | null> {
    return this.session(async (client) => {
      const entry = await this.findUser(client, username);
      return entry ? this.toUser(client, entry) : null;
    });
  }

  async groupsOfDn(dn: string): Promise<string[]> {
    return this.session((client) => this.groups(client, dn));
  }

  /**
   * Binds as the service account on the first server that answers, trying the URLs in order: a server that
   * cannot be reached (DNS, refused, timeout, TLS) hands over to the next; an LDAP answer (e.g. wrong bind
   * password) is final, since every replica would say the same.
   */
  private async session<T>(work: (client: Client, url: string) => Promise<T>): Promise<T> {
    let unreachable: DirectoryError | null = null;
    for (const url of this.config.urls) {
      let client: Client | null = null;
      try {
        client = await this.connect(url);
        await client.bind(this.config.bindDn, this.bindPassword);
      } catch (err) {
        await client?.unbind().catch(() => undefined);
        if (err instanceof ResultCodeError) throw new DirectoryError('bind', `service account bind failed: ${err.message}`);
        unreachable = err instanceof DirectoryError ? err : new DirectoryError(transportStep(err), `${url}: ${(err as Error).message}`);
        continue;
      }
      try {
        return await work(client, url);
      } finally {
        await client.unbind().catch(() => undefined);
      }
    }
    throw unreachable ?? new DirectoryError('connect', 'no server URL configured');
  }

  private async connect(url: string): Promise<Client> {
    const tlsOptions = this.config.caPem ? { ca: [this.config.caPem] } : undefined;
    const client = new Client({ url, connectTimeout: this.config.connectTimeoutMs, timeout: this.config.searchTimeoutMs, tlsOptions });
    if (this.config.startTls) {
      try {
        await client.startTLS(tlsOptions ?? {});
      } catch (err) {
        await client.unbind().catch(() => undefined);
        throw new DirectoryError(transportStep(err) === 'connect' ? 'connect' : 'tls', `${url}: StartTLS failed: ${(err as Error).message}`);
      }
    }
    return client;
  }

  private async findUser(client: Client, username: string): Promise<Entry | null> {
    const filter = fillFilter(this.config.userFilter, 'username', username);
    const attributes = [this.config.usernameAttribute, this.config.displayNameAttribute, this.config.emailAttribute];
    const { searchEntries } = await this.search(client, this.config.userSearchBase, filter, attributes, 2);
    return searchEntries.length === 1 ? searchEntries[0]! : null;
  }

  private async toUser(client: Client, e: Entry): Promise<DirectoryUser> {
    return {
      dn: e.dn,
      username: first(e, this.config.usernameAttribute) ?? e.dn,
      displayName: first(e, this.config.displayNameAttribute) ?? first(e, this.config.usernameAttribute) ?? e.dn,
      email: first(e, this.config.emailAttribute),
      groups: await this.groups(client, e.dn),
    };
  }

  /** Group DNs of `dn`, breadth-first through nested groups, cycles ignored. */
  private async groups(client: Client, dn: string): Promise<string[]> {
    // As the admin form promises: no group search base means the user search base, not "no groups".
    const base = this.config.groupSearchBase || this.config.userSearchBase;
    if (this.config.activeDirectoryMatchingRuleInChain) {
      const filter = fillFilter('(member:1.2.840.113556.1.4.1941:={dn})', 'dn', dn);
      return (await this.search(client, base, filter, ['dn'])).searchEntries.map((g) => g.dn);
    }
    const seen = new Set<string>();
    let frontier = [dn];
    for (let depth = 0; depth <= this.config.nestedGroupDepth && frontier.length; depth++) {
      const next: string[] = [];
      for (const member of frontier) {
        const filter = fillFilter(this.config.groupFilter, 'dn', member);
        for (const g of (await this.search(client, base, filter, ['dn'])).searchEntries) {
          if (!seen.has(g.dn)) {
            seen.add(g.dn);
            next.push(g.dn);
          }
        }
      }
      frontier = next;
    }
    return [...seen];
  }

  private async search(client: Client, base: string, filter: string, attributes: string[], sizeLimit?: number) {
    try {
      return await client.search(base, { scope: 'sub', filter, attributes, sizeLimit, paged: sizeLimit ? false : { pageSize: this.config.pageSize } });
    } catch (err) {
      if ((err as { code?: number }).code === 4 && sizeLimit) return { searchEntries: [{} as Entry, {} as Entry], searchReferences: [] }; // size limit: >1 user
      throw new DirectoryError('search', `search in ${base} failed: ${(err as Error).message}`);
    }
  }
}

/** Whether a failure below LDAP was reaching the server (DNS, refused, timeout) or its TLS handshake. */
function transportStep(err: unknown): 'connect' | 'tls' {
  const { code, message } = err as { code?: string; message?: string };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ECONNREFUSED' || code === 'ETIMEDOUT' || code === 'EHOSTUNREACH') return 'connect';
  return /certificate|TLS|SSL|self.signed/i.test(message ?? '') ? 'tls' : 'connect';
}
