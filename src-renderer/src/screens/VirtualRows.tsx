import { useEffect, useRef, useState, type ReactNode } from 'react';

/** Which rows to draw for a scroll position: the visible ones plus a margin, never the whole list. */
export function visibleWindow(scrollTop: number, viewportHeight: number, rowHeight: number, rowCount: number, overscan = 8): { first: number; last: number } {
  const first = Math.min(rowCount, Math.max(0, Math.floor(scrollTop / rowHeight) - overscan));
  const last = Math.min(rowCount, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return { first, last: Math.max(first, last) };
}

type VirtualRowsProps<T> = {
  readonly rows: readonly T[];
  readonly rowHeight: number;
  readonly height: number;
  readonly rowKey: (row: T) => string;
  readonly renderRow: (row: T, index: number) => ReactNode;
  /** Asked for the next page when the officer scrolls near the end of what is loaded (keyset paging). */
  readonly loadMore?: () => void;
  readonly hasMore?: boolean;
  readonly header?: ReactNode;
  readonly testId?: string;
};

/**
 * A list that draws only the rows in view: with 100,000 files the DOM holds a few dozen rows, so scrolling and
 * typing stay smooth. Rows have one fixed height so the scroll position alone says which rows are in view.
 */
export function VirtualRows<T>({ rows, rowHeight, height, rowKey, renderRow, loadMore, hasMore = false, header, testId }: VirtualRowsProps<T>) {
  const [scrollTop, setScrollTop] = useState(0);
  const viewport = useRef<HTMLDivElement>(null);
  const { first, last } = visibleWindow(scrollTop, height, rowHeight, rows.length);

  useEffect(() => {
    // Near the end of what is loaded: fetch the next page before the officer reaches it.
    if (hasMore && loadMore && last >= rows.length - 10) loadMore();
  }, [hasMore, loadMore, last, rows.length]);

  return (
    <div className="virtual-rows" data-testid={testId} data-row-count={rows.length}>
      {header}
      <div ref={viewport} className="virtual-viewport" style={{ height, overflowY: 'auto' }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <div style={{ height: rows.length * rowHeight, position: 'relative' }}>
          {rows.slice(first, last).map((row, offset) => (
            <div key={rowKey(row)} className="virtual-row" style={{ position: 'absolute', top: (first + offset) * rowHeight, height: rowHeight, left: 0, right: 0 }}>
              {renderRow(row, first + offset)}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
