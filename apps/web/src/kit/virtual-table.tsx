'use client';
import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Checkbox, Spin } from 'antd';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';

export type SortOrder = 'ascend' | 'descend' | null;
export type VirtualColumn<T> = {
  key: string;
  title: string;
  width: number;
  align?: 'left' | 'right';
  /** Null when the column cannot be sorted. */
  sortOrder?: SortOrder | undefined;
  sortable?: boolean;
  render: (row: T) => ReactNode;
};

type Props<T> = {
  rows: readonly T[];
  rowKey: (row: T) => string;
  columns: VirtualColumn<T>[];
  /** The body's height; the header sticks above it. */
  height: number;
  width: number;
  /** The next order of a column the user clicked: ascend → descend → none, as antd's tables do. */
  onSort: (key: string, order: SortOrder) => void;
  selection?: { selected: ReadonlySet<string>; onChange: (keys: string[], rows: T[]) => void };
  onOpen: (row: T) => void;
  /**
   * Called when the rows drawn come within `nearEnd` rows of the last loaded one (to load more before the user gets
   * there), and again whenever the handler changes while they still are (a fetch that ended).
   */
  onNearEnd?: () => void;
  nearEnd?: number;
  /** Another value scrolls back to the first row (a new filter is another list). */
  resetKey: string;
  loading: boolean;
  empty: ReactNode;
  labels: { selectAll: string; selectRow: string };
  testId?: string;
};

/** Rows have one height: nothing is measured while scrolling, so no frame waits for layout. */
export const ROW_HEIGHT = 44;
const SELECTION_WIDTH = 48;
const OVERSCAN = 8;

const nextOrder = (o: SortOrder | undefined): SortOrder => (o === 'ascend' ? 'descend' : o === 'descend' ? null : 'ascend');

/**
 * A table for lists of any length: only the rows in view (and a few around) are in the DOM, each row is memoised
 * by its object, so a scrolled frame renders only the rows that came into view and a page appended renders none of
 * the old ones. antd's virtual Table recomputes per-row state (heights, selection, keys) over every loaded row on
 * each render, which at 10,000 rows made long tasks out of scrolling and loading; this one keeps that work
 * proportional to what is visible. Colours come from antd's CSS variables (light and dark alike).
 */
export function VirtualTable<T>({ rows, rowKey, columns, height, width, onSort, selection, onOpen, onNearEnd, nearEnd = 0, resetKey, loading, empty, labels, testId }: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  // One function per list of rows: the virtualizer recomputes every row's offset (10,000 objects) when it changes.
  const getItemKey = useCallback((i: number) => rowKey(rows[i]!), [rows, rowKey]);
  // The virtualizer re-renders this component on scroll by design; nothing here is memoised by a compiler.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    // The box's size is known from the props: the first render already draws the rows, before any measurement.
    initialRect: { width, height: height + ROW_HEIGHT },
    // The sticky header is the first ROW_HEIGHT pixels of the scroll box; the rows start below it.
    scrollMargin: ROW_HEIGHT,
    getItemKey,
    // Scroll updates render in React's next task rather than synchronously inside the scroll event: one long
    // render can then no longer hold the scroll handler (the overscan covers the frame in between).
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  // A boolean, so the parent is told when it flips (or its handler changes), not on every scrolled frame.
  const near = rows.length > 0 && (items.at(-1)?.index ?? -1) >= rows.length - nearEnd;
  useEffect(() => {
    if (near) onNearEnd?.();
  }, [near, onNearEnd]);
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [resetKey]);

  const inner = Math.max(width, columns.reduce((sum, c) => sum + c.width, selection ? SELECTION_WIDTH : 0));
  // Counting is a pass over every loaded row: only done while something is selected.
  const selectedCount = selection?.selected.size ? rows.reduce((n, r) => (selection.selected.has(rowKey(r)) ? n + 1 : n), 0) : 0;
  // The rows' checkbox handler stays one function, so a page appended or a frame scrolled re-renders no old row.
  const latest = useRef({ rows, selection, rowKey });
  useLayoutEffect(() => {
    latest.current = { rows, selection, rowKey };
  });
  const toggle = useCallback((row: T, on: boolean) => {
    const { rows: all, selection: sel, rowKey: keyOf } = latest.current;
    if (!sel) return;
    const key = keyOf(row);
    const picked = all.filter((r) => (keyOf(r) === key ? on : sel.selected.has(keyOf(r))));
    sel.onChange(picked.map(keyOf), picked);
  }, []);

  const selectAll = useCallback((on: boolean) => {
    const { rows: all, selection: sel, rowKey: keyOf } = latest.current;
    sel?.onChange(on ? all.map(keyOf) : [], on ? [...all] : []);
  }, []);

  return (
    <div className="wh-vt" role="table" aria-rowcount={rows.length + 1} data-testid={testId}>
      <div ref={scroller} className="wh-vt-scroll" data-vt-scroller="" style={{ height: height + ROW_HEIGHT }}>
        <Head
          width={inner}
          columns={columns}
          onSort={onSort}
          selectable={Boolean(selection)}
          all={rows.length > 0 && selectedCount === rows.length}
          some={selectedCount > 0 && selectedCount < rows.length}
          onSelectAll={selectAll}
          selectAllLabel={labels.selectAll}
        />
        <div role="rowgroup" className="wh-vt-body" style={{ height: virtualizer.getTotalSize(), width: inner }}>
          {items.map((item) => {
            const row = rows[item.index]!;
            const key = item.key as string;
            return (
              <Row
                key={key}
                row={row}
                index={item.index}
                top={item.start - ROW_HEIGHT}
                columns={columns}
                selectable={Boolean(selection)}
                selected={selection?.selected.has(key) ?? false}
                onToggle={toggle}
                onOpen={onOpen}
                selectLabel={labels.selectRow}
              />
            );
          })}
        </div>
        {rows.length === 0 && (
          <div className="wh-vt-empty" style={{ width }}>
            {loading ? <Spin /> : empty}
          </div>
        )}
      </div>
    </div>
  );
}

type HeadProps<T> = {
  width: number;
  columns: VirtualColumn<T>[];
  onSort: (key: string, order: SortOrder) => void;
  selectable: boolean;
  all: boolean;
  some: boolean;
  onSelectAll: (on: boolean) => void;
  selectAllLabel: string;
};

/** The sticky header row: memoised, so a scrolled frame does not render its checkbox and sort buttons again. */
const Head = memo(function Head<T>({ width, columns, onSort, selectable, all, some, onSelectAll, selectAllLabel }: HeadProps<T>) {
  return (
    <div role="rowgroup" className="wh-vt-head" style={{ width }}>
      <div role="row" className="wh-vt-tr">
        {selectable && (
          <div role="columnheader" className="wh-vt-th wh-vt-check" style={{ width: SELECTION_WIDTH }}>
            <Checkbox aria-label={selectAllLabel} checked={all} indeterminate={some} onChange={(e) => onSelectAll(e.target.checked)} />
          </div>
        )}
        {columns.map((c) => (
          <HeaderCell key={c.key} column={c} onSort={onSort} />
        ))}
      </div>
    </div>
  );
}) as <T>(props: HeadProps<T>) => ReactNode;

function HeaderCell<T>({ column: c, onSort }: { column: VirtualColumn<T>; onSort: (key: string, order: SortOrder) => void }) {
  const sort = c.sortable ? () => onSort(c.key, nextOrder(c.sortOrder)) : undefined;
  const ariaSort = c.sortOrder === 'ascend' ? 'ascending' : c.sortOrder === 'descend' ? 'descending' : undefined;
  return (
    <div role="columnheader" aria-sort={ariaSort} className="wh-vt-th" style={{ width: c.width, justifyContent: c.align === 'right' ? 'flex-end' : undefined }}>
      {sort ? (
        <button type="button" className="wh-vt-sort" onClick={sort} title={c.title}>
          <span className="wh-vt-ellipsis">{c.title}</span>
          <span className="wh-vt-carets" aria-hidden>
            <CaretUpOutlined className={c.sortOrder === 'ascend' ? 'wh-vt-on' : undefined} />
            <CaretDownOutlined className={c.sortOrder === 'descend' ? 'wh-vt-on' : undefined} />
          </span>
        </button>
      ) : (
        <span className="wh-vt-ellipsis" title={c.title}>
          {c.title}
        </span>
      )}
    </div>
  );
}

type RowProps<T> = {
  row: T;
  index: number;
  top: number;
  columns: VirtualColumn<T>[];
  selectable: boolean;
  selected: boolean;
  onToggle: (row: T, on: boolean) => void;
  onOpen: (row: T) => void;
  selectLabel: string;
};

function RowView<T>({ row, index, top, columns, selectable, selected, onToggle, onOpen, selectLabel }: RowProps<T>) {
  // A click anywhere but on a link or the checkbox opens the row; Enter does the same from the keyboard.
  const open = (e: MouseEvent) => !(e.target as HTMLElement).closest('a, .wh-vt-check') && onOpen(row);
  const key = (e: KeyboardEvent) => e.key === 'Enter' && e.target === e.currentTarget && onOpen(row);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selectable ? selected : undefined}
      tabIndex={0}
      className="wh-vt-tr wh-vt-row"
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={open}
      onKeyDown={key}
    >
      {selectable && (
        <div role="cell" className="wh-vt-td wh-vt-check" style={{ width: SELECTION_WIDTH }}>
          {/* A native checkbox: a screenful of rows enters per scrolled frame, and antd's (wrappers, wave effect)
              cost several times more to mount; the header keeps antd's for its indeterminate state. */}
          <input type="checkbox" className="wh-vt-checkbox" aria-label={selectLabel} checked={selected} onChange={(e) => onToggle(row, e.target.checked)} />
        </div>
      )}
      {columns.map((c) => (
        <div key={c.key} role="cell" className="wh-vt-td" style={{ width: c.width, justifyContent: c.align === 'right' ? 'flex-end' : undefined }}>
          {c.render(row)}
        </div>
      ))}
    </div>
  );
}

// Rows that stay in view across frames (same object, same place, same selection) are not rendered again.
const Row = memo(RowView) as typeof RowView;
