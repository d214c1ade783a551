'use client';
import { useQueryClient } from '@tanstack/react-query';
import { kindDef, rowProjector, type ClientToServerEvents, type Discovery, type K8sObject, type ServerToClientEvents, type WatchAck } from '@wheelhouse/shared';
import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { listKey, pagesKey, type Gvr } from './api';
import { applyDeltas, isRowsView, patchedInPlace, type ListPages } from './list-pages';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let shared: LiveSocket | null = null;

/** One socket per tab (same origin, session cookie), shared by every live view. */
function getSocket(): LiveSocket {
  shared ??= io({ path: '/socket.io', withCredentials: true, transports: ['websocket', 'polling'] });
  return shared;
}

export type LiveState = { state: 'connecting' | 'live' | 'reconnecting' | 'ended' | 'error'; since: string | null; code?: string };

/** Wait before re-fetching after deltas, so bursts of changes cause one request per page. */
const REFRESH_DELAY_MS = 300;
/** A view scrolled far holds many pages, and a re-fetch walks all of them: refreshed less often, at most this. */
const REFRESH_DELAY_MAX_MS = 5_000;

/**
 * Subscribes to a kind's changes while the view is mounted. The server filters and sorts, so rows on screen are
 * patched at once (changed in place, deleted ones removed) and the list queries of this kind are then re-fetched
 * (throttled: a steady stream of changes still refreshes), which is what adds, moves and filters rows; a batch of
 * updates only re-fetches the views it could have reordered or refiltered (patchedInPlace).
 */
export function useLiveList(gvr: Gvr, namespace: string | undefined): LiveState {
  const queryClient = useQueryClient();
  const [live, setLive] = useState<LiveState>({ state: 'connecting', since: null });
  const { cluster, group, version, resource } = gvr;

  useEffect(() => {
    const socket = getSocket();
    let channel: string | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let disposed = false;
    const key = { cluster, group, version, resource };
    // Whether the pending refresh must re-fetch every view, or only those the deltas could not fix in place.
    let everything = false;
    const refresh = (all: boolean) => {
      everything ||= all;
      if (timer) return;
      const loaded = queryClient.getQueriesData<ListPages>({ queryKey: pagesKey(key) }).map(([, d]) => d?.pages.length ?? 0);
      const delay = Math.min(REFRESH_DELAY_MAX_MS, REFRESH_DELAY_MS * Math.max(1, ...loaded));
      timer = setTimeout(() => {
        timer = undefined;
        const predicate = everything ? undefined : (q: { queryKey: readonly unknown[] }) => !patchedInPlace(q.queryKey);
        everything = false;
        void queryClient.invalidateQueries({ queryKey: listKey(key), predicate });
      }, delay);
    };
    const onDeltas = (p: Parameters<ServerToClientEvents['deltas']>[0]) => {
      if (p.channel !== channel) return;
      // Views of list rows get the changed objects as rows, made as the API makes them (rowProjector).
      let rowEvents: typeof p.events | undefined;
      const asRows = () => {
        const printer = queryClient.getQueryData<Discovery>(['discovery', cluster])?.resources.find((r) => (r.group || 'core') === (group || 'core') && r.version === version && r.resource === resource)?.printerColumns;
        const project = rowProjector(kindDef(group, resource), printer);
        return p.events.map((e) => ({ ...e, object: project(e.object as K8sObject) }));
      };
      for (const [queryKey, d] of queryClient.getQueriesData<ListPages>({ queryKey: pagesKey(key) })) {
        if (d) queryClient.setQueryData<ListPages>(queryKey, applyDeltas(d, isRowsView(queryKey) ? (rowEvents ??= asRows()) : p.events));
      }
      // Adds and deletes move rows and change totals: every view again. Updates only where they could move one.
      refresh(p.events.some((e) => e.type !== 'MODIFIED'));
    };
    const subscribe = () => {
      setLive({ state: 'connecting', since: null });
      const request = { cluster, group: group || 'core', version, resource, ...(namespace ? { namespace } : {}) };
      socket.emit('watch', request, (ack: WatchAck) => {
        if (disposed) {
          if (ack.ok) socket.emit('unwatch', { channel: ack.channel }, () => undefined);
          return;
        }
        if (ack.ok) {
          channel = ack.channel;
          setLive({ state: 'live', since: null });
        } else {
          setLive({ state: 'error', since: null, code: ack.code });
        }
      });
    };
    const onSync = (p: { channel: string }) => p.channel === channel && refresh(true);
    const onStatus = (p: { channel: string; state: 'live' | 'reconnecting' | 'ended'; since: string | null; code?: string }) => {
      if (p.channel !== channel) return;
      setLive({ state: p.state, since: p.since, code: p.code });
      if (p.state === 'live') refresh(true);
    };
    // A refusal (rate or connection limit) is final for this socket: it is shown, not replaced by "reconnecting".
    const onDisconnect = () => setLive((s) => (s.state === 'error' ? s : { state: 'reconnecting', since: s.since ?? new Date().toISOString() }));
    const onClosing = (p: { code: string }) => setLive({ state: 'error', since: null, code: p.code });
    const onConnectError = (err: Error) => err.message === 'SOCKET_LIMIT' && setLive({ state: 'error', since: null, code: err.message });

    socket.on('sync', onSync);
    socket.on('deltas', onDeltas);
    socket.on('status', onStatus);
    socket.on('disconnect', onDisconnect);
    socket.on('closing', onClosing);
    socket.on('connect_error', onConnectError);
    socket.io.on('error', onDisconnect);
    // Also fires after every reconnect: subscriptions do not survive a new connection.
    socket.on('connect', subscribe);
    if (socket.connected) subscribe();

    return () => {
      disposed = true;
      clearTimeout(timer);
      socket.off('sync', onSync);
      socket.off('deltas', onDeltas);
      socket.off('status', onStatus);
      socket.off('disconnect', onDisconnect);
      socket.off('closing', onClosing);
      socket.off('connect_error', onConnectError);
      socket.io.off('error', onDisconnect);
      socket.off('connect', subscribe);
      if (channel) socket.emit('unwatch', { channel }, () => undefined);
    };
  }, [queryClient, cluster, group, version, resource, namespace]);

  return live;
}
