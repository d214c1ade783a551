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
import type { SectionKey } from '@/kit/sections';

/** The console's top-level sections, in sidebar order, with their icons. */
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
