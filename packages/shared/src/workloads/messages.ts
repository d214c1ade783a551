import type { z } from 'zod';

/**
 * Every message the workload form schemas give, by stable key, in both languages: the API returns the keys and
 * the web shows the text, so both say the same words. Never rename a key; add new ones.
 */
export const WORKLOAD_MESSAGES = {
  'workload.invalid': { en: 'Invalid value', zh: '值无效' },
  'workload.required': { en: 'Required', zh: '必填' },
  'workload.choice': { en: 'Choose one of the listed values', zh: '请从列出的值中选择' },
  'workload.integer': { en: 'Must be a whole number', zh: '必须是整数' },
  'workload.nonNegative': { en: 'Must be 0 or more', zh: '不能小于 0' },
  'workload.positive': { en: 'Must be 1 or more', zh: '不能小于 1' },
  'workload.dns1123Label': {
    en: 'Use at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit',
    zh: '最多 63 个字符，只能包含小写字母、数字和“-”，并以字母或数字开头和结尾',
  },
  'workload.dns1123Subdomain': {
    en: 'Use at most 253 lowercase letters, digits, "-" and ".", each part starting and ending with a letter or digit',
    zh: '最多 253 个字符，只能包含小写字母、数字、“-”和“.”，每段以字母或数字开头和结尾',
  },
  'workload.nameTooLong': {
    en: 'Too long for this kind: a Job name has at most 63 characters, a CronJob name at most 52',
    zh: '名称过长：Job 名称最多 63 个字符，CronJob 名称最多 52 个字符',
  },
  'workload.labelKey': {
    en: 'A label key: an optional DNS subdomain and "/", then at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit',
    zh: '标签键：可选的 DNS 子域名前缀加“/”，然后是最多 63 个字母、数字、“-”、“_”或“.”，以字母或数字开头和结尾',
  },
  'workload.labelValue': {
    en: 'A label value: empty, or at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit',
    zh: '标签值：为空，或最多 63 个字母、数字、“-”、“_”或“.”，以字母或数字开头和结尾',
  },
  'workload.annotationKey': {
    en: 'An annotation key: an optional DNS subdomain and "/", then at most 63 letters, digits, "-", "_" or "."',
    zh: '注解键：可选的 DNS 子域名前缀加“/”，然后是最多 63 个字母、数字、“-”、“_”或“.”',
  },
  'workload.annotationsTooLarge': { en: 'Annotations may total at most 256 KiB', zh: '注解总大小不能超过 256 KiB' },
  'workload.quantity': {
    en: 'A Kubernetes quantity such as 500m, 0.5, 128Mi, 1Gi or 1e3',
    zh: 'Kubernetes 数量格式，例如 500m、0.5、128Mi、1Gi 或 1e3',
  },
  'workload.port': { en: 'A port number from 1 to 65535', zh: '端口号须在 1 到 65535 之间' },
  'workload.portName': {
    en: 'A port name: at most 15 lowercase letters, digits and "-", with a letter, no "-" at either end or twice in a row',
    zh: '端口名：最多 15 个小写字母、数字和“-”，至少含一个字母，“-”不能在首尾或连续出现',
  },
  'workload.portOrName': { en: 'A port number (1–65535) or a port name', zh: '端口号（1–65535）或端口名' },
  'workload.intOrPercent': { en: 'A whole number or a percentage such as 25%', zh: '整数或百分比，例如 25%' },
  'workload.cron': {
    en: 'A schedule of 5 fields (minute hour day-of-month month day-of-week), or @hourly, @daily, @weekly, @monthly, @yearly, @every 1h',
    zh: '调度表达式：5 个字段（分 时 日 月 周），或 @hourly、@daily、@weekly、@monthly、@yearly、@every 1h',
  },
  'workload.timeZone': {
    en: 'A time zone name such as Asia/Shanghai or Etc/UTC',
    zh: '时区名称，例如 Asia/Shanghai 或 Etc/UTC',
  },
  'workload.image': {
    en: 'An image reference without spaces, such as nginx:1.27',
    zh: '镜像地址不能含空格，例如 nginx:1.27',
  },
  'workload.envName': {
    en: 'A variable name: printable characters other than "="',
    zh: '变量名：可打印字符，不能包含“=”',
  },
  'workload.configKey': {
    en: 'A key: letters, digits, "-", "_" or "."',
    zh: '键：只能包含字母、数字、“-”、“_”或“.”',
  },
  'workload.envSource': {
    en: 'Give a value or exactly one reference (ConfigMap, Secret, field or resource)',
    zh: '请填写一个值，或只选择一个引用（ConfigMap、Secret、字段或资源）',
  },
  'workload.envFromSource': { en: 'Choose a ConfigMap or a Secret, not both', zh: '请选择 ConfigMap 或 Secret 之一' },
  'workload.probeHandler': {
    en: 'Choose exactly one check: HTTP, TCP, command or gRPC',
    zh: '请只选择一种检查方式：HTTP、TCP、命令或 gRPC',
  },
  'workload.lifecycleHandler': {
    en: 'Choose exactly one action: command, HTTP, TCP or sleep',
    zh: '请只选择一种动作：命令、HTTP、TCP 或等待',
  },
  'workload.successThresholdOne': {
    en: 'Liveness and startup probes need a success threshold of 1',
    zh: '存活探针和启动探针的成功阈值必须为 1',
  },
  'workload.initContainerProbes': {
    en: 'Only sidecars (restart policy Always) may have probes and lifecycle hooks; init containers run to completion',
    zh: '只有边车容器（重启策略为 Always）可以设置探针和生命周期钩子；初始化容器运行完即结束',
  },
  'workload.localhostProfile': {
    en: 'A Localhost seccomp profile needs a profile path, and only it may have one',
    zh: 'Localhost 类型的 seccomp 配置需要配置文件路径，其他类型不能填写',
  },
  'workload.volumeSource': { en: 'A volume has one source', zh: '一个卷只能有一个来源' },
  'workload.subPath': { en: 'A relative path without ".."', zh: '须为相对路径，且不能包含“..”' },
  'workload.duplicateName': { en: 'Container names must be unique in the pod', zh: '同一 Pod 中的容器名称不能重复' },
  'workload.containersRequired': { en: 'Add at least one container', zh: '至少需要一个容器' },
  'workload.unknownVolume': { en: 'No volume of this name', zh: '没有此名称的卷' },
  'workload.selectorMismatch': {
    en: 'The selector must match the pod template labels',
    zh: '选择器必须与 Pod 模板的标签一致',
  },
  'workload.restartPolicy': {
    en: 'Deployments, StatefulSets and DaemonSets restart Always; Jobs and CronJobs use OnFailure or Never',
    zh: 'Deployment、StatefulSet 和 DaemonSet 的重启策略只能是 Always；Job 和 CronJob 只能是 OnFailure 或 Never',
  },
  'workload.recreateRollingUpdate': {
    en: 'Rolling update settings apply only to the RollingUpdate strategy',
    zh: '滚动更新参数只适用于 RollingUpdate 策略',
  },
  'workload.indexedCompletions': {
    en: 'An Indexed job needs a completion count',
    zh: 'Indexed 模式的 Job 需要设置完成数',
  },
  'workload.weight': { en: 'A weight from 1 to 100', zh: '权重须在 1 到 100 之间' },
  'workload.tolerationValue': { en: 'An "Exists" toleration has no value', zh: '运算符为 Exists 的容忍不能设置值' },
} as const satisfies Record<string, { en: string; zh: string }>;

export type WorkloadMessageKey = keyof typeof WORKLOAD_MESSAGES;
export type WorkloadLocale = 'en' | 'zh';

export function isWorkloadMessageKey(key: unknown): key is WorkloadMessageKey {
  return typeof key === 'string' && Object.hasOwn(WORKLOAD_MESSAGES, key);
}

export function workloadMessage(key: WorkloadMessageKey, locale: WorkloadLocale): string {
  return WORKLOAD_MESSAGES[key][locale];
}

/**
 * The key of one zod issue from a workload schema. zod's own issues (a wrong type, an unknown key) have no key
 * of ours and read as `workload.invalid`; a bad record key carries ours one level down.
 */
export function workloadIssueKey(issue: z.core.$ZodIssue): WorkloadMessageKey {
  if (isWorkloadMessageKey(issue.message)) return issue.message;
  if (issue.code === 'invalid_key' || issue.code === 'invalid_element') {
    const inner = issue.issues.find((i) => isWorkloadMessageKey(i.message));
    if (inner) return inner.message as WorkloadMessageKey;
  }
  return 'workload.invalid';
}

/** Checked at compile time: a schema can only name a key the table has. */
export const msg = (key: WorkloadMessageKey) => key;
