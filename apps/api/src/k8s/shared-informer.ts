import { ListWatch, type KubeConfig, type KubernetesObject } from '@kubernetes/client-node';
import { EventEmitter } from 'node:events';
import { GuardedWatch } from './guarded-watch.js';
import { mapK8sError } from './k8s-error.mapper.js';
import { requestJson } from './raw-client.js';
import { apiVersionOf, collectionPath, type ResourceRef } from './resource-ref.js';

export type InformerState = 'syncing' | 'live' | 'reconnecting';
export type DeltaType = 'ADDED' | 'MODIFIED' | 'DELETED';
export interface Delta {
  type: DeltaType;
  object: KubernetesObject;
}

const MAX_BACKOFF_MS = 30_000;
/**
 * Objects per LIST page while (re)syncing. client-go uses 500, but a page is parsed in one blocking JSON.parse:
 * 500 pods (~3 MB) took ~60 ms on the bench machine, over the 50 ms loop-lag budget (S8); 200 keep it ~25 ms.
 */
const LIST_PAGE_SIZE = 200;

/**
 * One list+watch of one resource in one namespace scope of one cluster, shared by every viewer. Objects are kept
 * without managedFields (the cache's largest useless part). A broken watch is restarted with exponential backoff;
 * ListWatch resumes from its last resourceVersion and relists only after 410 Gone, so an apiserver restart costs
 * one resync per informer, not one per viewer.
 */
export class SharedInformer extends EventEmitter {
  state: InformerState = 'syncing';
  staleSince: Date | null = null;
  /** How many times the full list was fetched (initial sync included). */
  relists = 0;
  /** Moves with every change of the cached objects: derived views (sorted lists) are valid while it stands. */
  generation = 0;
  private lw: ListWatch<KubernetesObject> | null = null;
  private backoffMs = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private errored = false;

  constructor(
    readonly key: string,
    private readonly kc: KubeConfig,
    readonly ref: ResourceRef,
    readonly namespace: string | null,
  ) {
    super();
    this.setMaxListeners(0);
  }

  /** Resolves after the first successful list; rejects with the cluster's error otherwise. */
  async start(): Promise<void> {
    const path = collectionPath(this.ref, this.namespace);
    const apiVersion = apiVersionOf(this.ref);
    const listFn = async () => {
      this.relists += 1;
      const items = await this.listInPages(path, (item) => {
        item.apiVersion = apiVersion;
        item.kind = this.ref.kind;
        strip(item);
      });
      return items as never;
    };
    this.lw = new ListWatch<KubernetesObject>(path, new GuardedWatch(this.kc), listFn, false);
    this.lw.on('add', (o) => this.delta('ADDED', o));
    this.lw.on('update', (o) => this.delta('MODIFIED', o));
    this.lw.on('delete', (o) => this.delta('DELETED', o));
    this.lw.on('error', (err) => this.onError(err));
    this.lw.on('connect', () => undefined);
    let firstError: unknown = null;
    const capture = (err: unknown) => (firstError ??= err);
    this.lw.on('error', capture);
    await this.run();
    this.lw.off('error', capture);
    if (firstError) {
      await this.stop();
      throw firstError instanceof Error ? firstError : new Error('the informer failed to start', { cause: firstError });
    }
  }

  /**
   * The full list in pages of LIST_PAGE_SIZE, as client-go's reflector does: each page is a small JSON parse, so a
   * 30k-object relist never blocks the event loop for the seconds one big parse would take. The continue token
   * keeps the pages one consistent snapshot; its resourceVersion is the first page's.
   */
  private async listInPages(path: string, each: (o: KubernetesObject) => void) {
    type Page = { metadata?: { resourceVersion?: string; continue?: string }; items: KubernetesObject[] };
    const items: KubernetesObject[] = [];
    let resourceVersion = '';
    let token: string | undefined;
    do {
      const query = `limit=${LIST_PAGE_SIZE}${token ? `&continue=${encodeURIComponent(token)}` : ''}`;
      const res = await requestJson<Page>(this.kc, { method: 'GET', path: `${path}?${query}`, timeoutMs: 120_000 });
      // 410 on a continue token: the snapshot expired mid-list; ListWatch starts over on errors with statusCode.
      if (res.status !== 200) throw Object.assign(mapK8sError(res.status, res.body), { statusCode: res.status });
      resourceVersion ||= res.body.metadata?.resourceVersion ?? '';
      for (const item of res.body.items) {
        each(item);
        items.push(item);
      }
      token = res.body.metadata?.continue || undefined;
      if (token) await new Promise((r) => setImmediate(r)); // let other work run between pages
    } while (token);
    return { metadata: { resourceVersion }, items };
  }

  list(namespace?: string): readonly KubernetesObject[] {
    return this.lw?.list(namespace) ?? [];
  }

  get(name: string, namespace?: string): KubernetesObject | undefined {
    return this.lw?.get(name, namespace);
  }

  resourceVersion(): string {
    return this.lw?.latestResourceVersion() ?? '';
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    await this.lw?.stop();
    this.removeAllListeners('delta');
  }

  private async run(): Promise<void> {
    this.errored = false;
    await this.lw!.start();
    if (!this.errored && !this.stopped) {
      this.state = 'live';
      this.staleSince = null;
      this.backoffMs = 0;
      this.emit('state', this.state);
    }
  }

  private onError(err: unknown): void {
    this.errored = true;
    if (this.stopped) return;
    if (this.state !== 'reconnecting') {
      this.state = 'reconnecting';
      this.staleSince = new Date();
      this.emit('state', this.state, err);
    }
    this.backoffMs = Math.min(this.backoffMs ? this.backoffMs * 2 : 500, MAX_BACKOFF_MS);
    this.restartTimer = setTimeout(() => void this.run().catch((e: unknown) => this.onError(e)), this.backoffMs);
    this.restartTimer.unref();
  }

  private delta(type: DeltaType, object: KubernetesObject): void {
    strip(object);
    this.generation += 1;
    this.emit('delta', { type, object } satisfies Delta);
  }
}

/** managedFields can be half of an object's size and no screen shows them. */
function strip(o: KubernetesObject): void {
  if (o.metadata?.managedFields) delete o.metadata.managedFields;
}
