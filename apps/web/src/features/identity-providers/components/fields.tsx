'use client';
import { Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { useTranslations } from 'next-intl';

type Kind = 'text' | 'textarea' | 'tags' | 'bool' | 'number';
export type FieldSpec = { name: string; kind: Kind };

export const LDAP_FIELDS: FieldSpec[] = [
  { name: 'urls', kind: 'tags' },
  { name: 'startTls', kind: 'bool' },
  { name: 'caPem', kind: 'textarea' },
  { name: 'bindDn', kind: 'text' },
  { name: 'userSearchBase', kind: 'text' },
  { name: 'userFilter', kind: 'text' },
  { name: 'usernameAttribute', kind: 'text' },
  { name: 'displayNameAttribute', kind: 'text' },
  { name: 'emailAttribute', kind: 'text' },
  { name: 'groupSearchBase', kind: 'text' },
  { name: 'groupFilter', kind: 'text' },
  { name: 'groupNameAttribute', kind: 'text' },
  { name: 'nestedGroupDepth', kind: 'number' },
  { name: 'activeDirectoryMatchingRuleInChain', kind: 'bool' },
  { name: 'connectTimeoutMs', kind: 'number' },
  { name: 'searchTimeoutMs', kind: 'number' },
  { name: 'pageSize', kind: 'number' },
];

export const OIDC_FIELDS: FieldSpec[] = [
  { name: 'issuer', kind: 'text' },
  { name: 'clientId', kind: 'text' },
  { name: 'scopes', kind: 'tags' },
  { name: 'groupsClaim', kind: 'text' },
  { name: 'usernameClaim', kind: 'text' },
  { name: 'emailClaim', kind: 'text' },
  { name: 'allowInsecureHttp', kind: 'bool' },
];

/** The provider's settings, each with a label and a help line from the catalog (idp.fields / idp.help). */
export function ConfigFields({ fields }: { fields: FieldSpec[] }) {
  const t = useTranslations('idp');
  return fields.map(({ name, kind }) => {
    const label = t(`fields.${name}` as 'fields.urls');
    const extra = t(`help.${name}` as 'help.urls');
    if (kind === 'bool') {
      return (
        <Form.Item key={name} name={['config', name]} valuePropName="checked" extra={extra}>
          <Checkbox>{label}</Checkbox>
        </Form.Item>
      );
    }
    return (
      <Form.Item key={name} name={['config', name]} label={label} extra={extra}>
        {kind === 'tags' ? (
          <Select mode="tags" open={false} suffixIcon={null} aria-label={label} tokenSeparators={[' ', ',']} />
        ) : kind === 'textarea' ? (
          <Input.TextArea rows={3} spellCheck={false} />
        ) : kind === 'number' ? (
          <InputNumber min={0} style={{ width: 200 }} />
        ) : (
          <Input spellCheck={false} autoComplete="off" />
        )}
      </Form.Item>
    );
  });
}
