import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG } from '../config/tokens.js';
import type { AppConfig } from '../config/env.schema.js';
import type { KubeConfig } from '@kubernetes/client-node';
import type { ResourceRef } from './resource-ref.js';
import { SharedInformer } from './shared-informer.js';

export interface InformerLease {
  informer: SharedInformer;
  release: () => void;
}

interface Entry {
  informer: SharedInformer;
  refs: number;
  ready: Promise<void>;
  stopTimer: NodeJS.Timeout | null;
}


/**
 * One informer per (cluster, group/version/resource, namespace scope), ref-counted: the first viewer starts the
 * watch, later viewers share it, and it stops a grace period after the last one leaves.
 */
@Injectable()
export class InformerRegistry implements OnModuleDestroy {
  private readonly logger = new Logger(InformerRegistry.name);
  private readonly entries = new Map<string, Entry>();
  /** How long an informer outlives its last viewer: page flips and reconnecting tabs reuse it. */
  private readonly graceMs: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.graceMs = config.INFORMER_GRACE_SECONDS * 1000;
  }

  static keyOf(clusterId: string, ref: Pick<ResourceRef, 'group' | 'version' | 'resource'>, namespace: string | null): string {
    return `${clusterId}|${ref.group}/${ref.version}/${ref.resource}|${namespace ?? '*'}`;
  }

  async acquire(clusterId: string, kc: KubeConfig, ref: ResourceRef, namespace: string | null): Promise<InformerLease> {
    const key = InformerRegistry.keyOf(clusterId, ref, ref.namespaced ? namespace : null);
    let entry = this.entries.get(key);
    if (!entry) {
      const informer = new SharedInformer(key, kc, ref, ref.namespaced ? namespace : null);
      const created: Entry = { informer, refs: 0, ready: informer.start(), stopTimer: null };
      entry = created;
      this.entries.set(key, created);
      created.ready.catch(() => {
        if (this.entries.get(key) === created) this.entries.delete(key);
      });
    }
    entry.refs += 1;
    if (entry.stopTimer) {
      clearTimeout(entry.stopTimer);
      entry.stopTimer = null;
    }
    const held = entry;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.release(key, held);
    };
    try {
      await held.ready;
    } catch (err) {
      release();
      throw err;
    }
    return { informer: held.informer, release };
  }

  /** A running, synced informer for the key, if any (to serve a namespace from an all-namespaces cache). */
  peek(clusterId: string, ref: ResourceRef, namespace: string | null): SharedInformer | undefined {
    const entry = this.entries.get(InformerRegistry.keyOf(clusterId, ref, namespace));
    return entry && entry.informer.state !== 'syncing' ? entry.informer : undefined;
  }

  stats(): { key: string; refs: number; state: string; relists: number }[] {
    return [...this.entries.entries()].map(([key, e]) => ({ key, refs: e.refs, state: e.informer.state, relists: e.informer.relists }));
  }

  async stopCluster(clusterId: string): Promise<void> {
    const prefix = `${clusterId}|`;
    await Promise.all([...this.entries.keys()].filter((k) => k.startsWith(prefix)).map((k) => this.stopEntry(k)));
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.entries.keys()].map((k) => this.stopEntry(k)));
  }

  private release(key: string, entry: Entry): void {
    entry.refs -= 1;
    if (entry.refs > 0 || this.entries.get(key) !== entry) return;
    entry.stopTimer = setTimeout(() => void this.stopEntry(key), this.graceMs);
    entry.stopTimer.unref();
  }

  private async stopEntry(key: string): Promise<void> {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    if (entry.stopTimer) clearTimeout(entry.stopTimer);
    await entry.informer.stop().catch((err: unknown) => this.logger.warn(`stopping ${key}: ${String(err)}`));
  }
}
