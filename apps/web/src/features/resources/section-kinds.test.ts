import { describe, expect, it } from 'vitest';
import { sectionKinds } from './section-kinds';

describe('kinds of a sidebar section', () => {
  it('lists every registry kind of a section', () => {
    expect(sectionKinds('workloads').map((k) => k.resource)).toContain('horizontalpodautoscalers');
    expect(sectionKinds('infra')[0]).toEqual({ group: 'core', version: 'v1', resource: 'nodes' });
  });
});
