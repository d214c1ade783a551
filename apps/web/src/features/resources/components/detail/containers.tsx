'use client';
import { pick, text, type K8sObject } from '@wheelhouse/shared';
import { Card, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslations } from 'next-intl';

type Role = 'main' | 'init' | 'sidecar' | 'ephemeral';
type Row = { name: string; role: Role; image: string; ports: string; requests: string; limits: string; state?: string; stateDetail?: string; ready?: boolean; restarts?: number };

const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
const amounts = (v: unknown) =>
  v && typeof v === 'object' ? Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k} ${text(x)}`).join(' · ') : '';

/** Native sidecars are init containers with restartPolicy Always (Kubernetes ≥ 1.29): they run beside the main ones. */
function rows(spec: unknown, status: unknown): Row[] {
  const statuses = new Map(
    [...list(pick(status, 'containerStatuses')), ...list(pick(status, 'initContainerStatuses')), ...list(pick(status, 'ephemeralContainerStatuses'))].map((s) => [text(s.name), s]),
  );
  const row = (c: Record<string, unknown>, role: Role): Row => {
    const s = statuses.get(text(c.name));
    const state = s ? Object.keys((s.state as object | undefined) ?? {})[0] : undefined;
    const detail = state ? text(pick(s, `state.${state}.reason`)) || text(pick(s, `state.${state}.message`)) : '';
    return {
      name: text(c.name),
      role,
      image: text(c.image),
      ports: list(c.ports).map((p) => `${text(p.containerPort)}/${text(p.protocol) || 'TCP'}`).join(', '),
      requests: amounts(pick(c, 'resources.requests')),
      limits: amounts(pick(c, 'resources.limits')),
      state,
      stateDetail: detail,
      ready: s ? s.ready === true : undefined,
      restarts: s ? Number(s.restartCount ?? 0) : undefined,
    };
  };
  return [
    ...list(pick(spec, 'initContainers')).map((c) => row(c, c.restartPolicy === 'Always' ? 'sidecar' : 'init')),
    ...list(pick(spec, 'containers')).map((c) => row(c, 'main')),
    ...list(pick(spec, 'ephemeralContainers')).map((c) => row(c, 'ephemeral')),
  ];
}

const ROLE_COLOR: Record<Role, string> = { main: 'blue', init: 'default', sidecar: 'purple', ephemeral: 'orange' };
const STATE_COLOR: Record<string, string> = { running: 'success', waiting: 'warning', terminated: 'default' };

/** The containers of a pod, or of a workload's pod template (no runtime state then). */
export function ContainersTable({ object, template }: { object: K8sObject; template: boolean }) {
  const t = useTranslations('objectDetail');
  const data = template ? rows(pick(object, 'spec.template.spec'), undefined) : rows(pick(object, 'spec'), pick(object, 'status'));
  if (data.length === 0) return null;
  return (
    <Card size="small" title={t('containers')} data-testid="object-containers">
      <Table<Row>
        size="small"
        rowKey={(r) => `${r.role}/${r.name}`}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={data}
        columns={[
          { key: 'name', title: t('container.name'), dataIndex: 'name' },
          { key: 'role', title: t('container.role'), render: (_, r) => <Tag color={ROLE_COLOR[r.role]}>{t(`role.${r.role}`)}</Tag> },
          { key: 'image', title: t('container.image'), render: (_, r) => <Typography.Text code>{r.image}</Typography.Text> },
          { key: 'ports', title: t('container.ports'), dataIndex: 'ports' },
          { key: 'requests', title: t('container.requests'), dataIndex: 'requests' },
          { key: 'limits', title: t('container.limits'), dataIndex: 'limits' },
          ...(template
            ? []
            : [
                {
                  key: 'state',
                  title: t('container.state'),
                  render: (_: unknown, r: Row) =>
                    r.state ? (
                      <Tooltip title={r.stateDetail}>
                        <Tag color={r.state === 'running' && r.ready === false ? 'warning' : STATE_COLOR[r.state]}>{r.stateDetail || r.state}</Tag>
                      </Tooltip>
                    ) : null,
                },
                { key: 'restarts', title: t('container.restarts'), align: 'right' as const, render: (_: unknown, r: Row) => r.restarts ?? '' },
              ]),
        ]}
      />
    </Card>
  );
}
