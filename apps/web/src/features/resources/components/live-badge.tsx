'use client';
import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslations } from 'next-intl';
import type { LiveState } from '../live';

/** live / reconnecting / stale since …: from the socket status and the REST list's `stale` marker. */
export function LiveBadge({ live, stale }: { live: LiveState; stale: string | null | undefined }) {
  const t = useTranslations('resources.live');
  const since = stale ?? live.since;
  if (live.state === 'live' && !stale) {
    return (
      <Tag color="success" data-testid="live-badge" data-state="live">
        ● {t('live')}
      </Tag>
    );
  }
  if (live.state === 'error' || live.state === 'ended') {
    return (
      <Tag color="default" data-testid="live-badge" data-state={live.state}>
        {t('off')}
      </Tag>
    );
  }
  const label = since ? t('staleSince', { time: dayjs(since).format('HH:mm:ss') }) : t(live.state);
  return (
    <Tooltip title={t('staleHelp')}>
      <Tag color="warning" data-testid="live-badge" data-state={live.state === 'live' ? 'stale' : live.state}>
        {live.state === 'reconnecting' ? `${t('reconnecting')} · ${label}` : label}
      </Tag>
    </Tooltip>
  );
}
