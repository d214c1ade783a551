import type { AccessDecision, Scope } from '@wheelhouse/shared';
import type { ExplainParams } from './api';
import { formatRule, requestScope } from './format';

/** What the access check asked, as the form holds it (group '' = core): exactly what the explainer is sent. */
export type AccessQuestion = ExplainParams;

export type ScopeText = (scope: Scope) => string;

/** One sentence of the explanation: a catalog key under `access.sentence` plus its (plain-text) values. */
export type Sentence =
  | {
      key: 'allowed';
      values: { role: string; subjectKind: string; subject: string; scope: string; rule: number; ruleText: string };
    }
  | { key: 'scopeMismatch'; values: { role: string; bound: string; requested: string } }
  | { key: 'noMatchingRule'; values: { verb: string; resource: string } }
  | { key: 'noBindings' | 'userDisabled'; values: Record<string, never> };

/** `pods/log` typed in the resource box means resource pods, subresource log. */
export function splitResource(input: string): { resource: string; subresource?: string } {
  const [resource = '', subresource] = input.trim().split('/', 2);
  return subresource ? { resource, subresource } : { resource };
}

/** The decision in sentences: why it was allowed, or every near miss that explains a denial. */
export function describeDecision(decision: AccessDecision, question: AccessQuestion, scopeText: ScopeText): Sentence[] {
  const resource = question.subresource ? `${question.resource}/${question.subresource}` : question.resource;
  switch (decision.reason) {
    case 'ALLOWED': {
      const via = decision.via;
      if (!via) {
        return [{ key: 'noBindings', values: {} }];
      }
      return [
        {
          key: 'allowed',
          values: {
            role: via.role,
            subjectKind: via.subject.kind,
            subject: via.subjectName,
            scope: scopeText(via.scope),
            rule: via.ruleIndex + 1,
            ruleText: formatRule(via.rule),
          },
        },
      ];
    }
    case 'SCOPE_MISMATCH': {
      const requested = scopeText(requestScope(question));
      const seen = new Set<string>();
      return decision.nearMisses.flatMap((miss) => {
        const bound = scopeText(miss.scope);
        const key = `${miss.role}@${bound}`;
        if (seen.has(key)) {
          return [];
        }
        seen.add(key);
        return [{ key: 'scopeMismatch' as const, values: { role: miss.role, bound, requested } }];
      });
    }
    case 'NO_MATCHING_RULE':
      return [{ key: 'noMatchingRule', values: { verb: question.verb, resource } }];
    case 'NO_BINDINGS':
      return [{ key: 'noBindings', values: {} }];
    case 'USER_DISABLED':
      return [{ key: 'userDisabled', values: {} }];
  }
}
