// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { VirtualTable, type SortOrder, type VirtualColumn } from './virtual-table';

afterEach(cleanup);

// jsdom lays nothing out: the scroll box reports the size a browser would give it (body 440 px + the header).
const boxSize = (name: 'clientHeight' | 'clientWidth', px: number) => {
  Object.defineProperty(HTMLElement.prototype, name, {
    configurable: true,
    get(this: HTMLElement) {
      return this.hasAttribute('data-vt-scroller') ? px : 0;
    },
  });
  // The real getter lives on Element.prototype and shows through again.
  return () => delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name];
};
const restore: (() => void)[] = [];
beforeAll(() => restore.push(boxSize('clientHeight', 484), boxSize('clientWidth', 800)));
afterAll(() => restore.forEach((r) => r()));

type Row = { id: string; name: string; n: number };
const rows: Row[] = Array.from({ length: 10_000 }, (_, i) => ({ id: `u${i}`, name: `pod-${i}`, n: i }));
const renders = vi.fn();
const columns = (order: SortOrder = null): VirtualColumn<Row>[] => [
  {
    key: 'name',
    title: 'Name',
    width: 200,
    sortable: true,
    sortOrder: order,
    render: (r) => {
      renders(r.id);
      return r.name;
    },
  },
  { key: 'n', title: 'Number', width: 100, align: 'right', render: (r) => String(r.n) },
];

const noop = () => undefined;

function table(props: Partial<Parameters<typeof VirtualTable<Row>>[0]> = {}) {
  return (
    <VirtualTable<Row>
      rows={rows}
      rowKey={(r) => r.id}
      columns={columns()}
      height={440}
      width={800}
      onSort={noop}
      onOpen={noop}
      resetKey=""
      loading={false}
      empty="nothing"
      labels={{ selectAll: 'Select all', selectRow: 'Select row' }}
      testId="t"
      {...props}
    />
  );
}

describe('VirtualTable', () => {
  it('draws only the rows in view (and a few around) out of 10,000', () => {
    render(table());
    const body = screen.getAllByRole('row').slice(1);
    // 440 px of 44 px rows = 10 in view, plus the overscan below.
    expect(body.length).toBeGreaterThanOrEqual(10);
    expect(body.length).toBeLessThan(30);
    expect(body[0]).toHaveProperty('textContent', 'pod-00');
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('10001');
  });

  it('renders no old row again when rows are appended or the parent re-renders', () => {
    const cols = columns();
    const { rerender } = render(table({ columns: cols, rows: rows.slice(0, 500) }));
    expect(renders).toHaveBeenCalled();
    renders.mockClear();
    rerender(table({ columns: cols, rows: rows.slice(0, 1000) }));
    expect(renders).not.toHaveBeenCalled();
  });

  it('cycles a sortable header ascend → descend → none and marks the order', () => {
    const onSort = vi.fn();
    const { rerender } = render(table({ onSort }));
    fireEvent.click(screen.getByRole('button', { name: 'Name' }));
    expect(onSort).toHaveBeenLastCalledWith('name', 'ascend');
    rerender(table({ onSort, columns: columns('ascend') }));
    expect(screen.getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(screen.getByRole('button', { name: 'Name' }));
    expect(onSort).toHaveBeenLastCalledWith('name', 'descend');
    rerender(table({ onSort, columns: columns('descend') }));
    fireEvent.click(screen.getByRole('button', { name: 'Name' }));
    expect(onSort).toHaveBeenLastCalledWith('name', null);
    // Not sortable: a plain header.
    expect(within(screen.getByRole('columnheader', { name: 'Number' })).queryByRole('button')).toBeNull();
  });

  it('selects rows and all loaded rows; a click on the row opens it, a click on its checkbox does not', () => {
    const onChange = vi.fn();
    const onOpen = vi.fn();
    const few = rows.slice(0, 3);
    const { rerender } = render(table({ rows: few, onOpen, selection: { selected: new Set(), onChange } }));
    const second = screen.getAllByRole('row')[2]!;
    fireEvent.click(within(second).getByRole('checkbox', { name: 'Select row' }));
    expect(onChange).toHaveBeenLastCalledWith(['u1'], [few[1]]);
    expect(onOpen).not.toHaveBeenCalled();
    rerender(table({ rows: few, onOpen, selection: { selected: new Set(['u1']), onChange } }));
    expect(screen.getAllByRole('row')[2]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all' }));
    expect(onChange).toHaveBeenLastCalledWith(['u0', 'u1', 'u2'], few);
    fireEvent.click(within(screen.getAllByRole('row')[3]!).getByText('pod-2'));
    expect(onOpen).toHaveBeenLastCalledWith(few[2]);
    fireEvent.keyDown(screen.getAllByRole('row')[1]!, { key: 'Enter' });
    expect(onOpen).toHaveBeenLastCalledWith(few[0]);
  });

  it('says so when there are no rows, or shows the spinner while loading', () => {
    const { rerender } = render(table({ rows: [] }));
    expect(screen.getByText('nothing')).toBeTruthy();
    rerender(table({ rows: [], loading: true }));
    expect(screen.queryByText('nothing')).toBeNull();
  });

  it('asks for more only when the rows drawn come near the last loaded one', () => {
    const onNearEnd = vi.fn();
    const { rerender } = render(table({ onNearEnd, nearEnd: 150 }));
    expect(onNearEnd).not.toHaveBeenCalled();
    rerender(table({ rows: rows.slice(0, 100), onNearEnd, nearEnd: 150 }));
    expect(onNearEnd).toHaveBeenCalledTimes(1);
    // A new handler (a fetch ended) while still near the end: asked again.
    const again = vi.fn();
    rerender(table({ rows: rows.slice(0, 100), onNearEnd: again, nearEnd: 150 }));
    expect(again).toHaveBeenCalledTimes(1);
  });
});
