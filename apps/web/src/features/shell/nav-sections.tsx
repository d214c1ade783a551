import {
  ApartmentOutlined,
  AppstoreAddOutlined,
  CloudServerOutlined,
  ClusterOutlined,
  DatabaseOutlined,
  DeploymentUnitOutlined,
  FileTextOutlined,
  KeyOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export type SectionKey = 'clusters' | 'workloads' | 'config' | 'network' | 'storage' | 'infra' | 'rbac' | 'custom';

/** The console's top-level sections, in sidebar order; each key is also its route and its message key. */
export const SECTIONS: { key: SectionKey; icon: ReactNode }[] = [
  { key: 'clusters', icon: <ClusterOutlined /> },
  { key: 'workloads', icon: <DeploymentUnitOutlined /> },
  { key: 'config', icon: <FileTextOutlined /> },
  { key: 'network', icon: <ApartmentOutlined /> },
  { key: 'storage', icon: <DatabaseOutlined /> },
  { key: 'infra', icon: <CloudServerOutlined /> },
  { key: 'rbac', icon: <KeyOutlined /> },
  { key: 'custom', icon: <AppstoreAddOutlined /> },
];
