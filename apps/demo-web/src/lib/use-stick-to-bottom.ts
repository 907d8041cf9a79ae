import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';

/** How close to the bottom, in pixels, still counts as "at the bottom". */
const BOTTOM_SLACK = 48;

/** The scroll state of a conversation, from {@link useStickToBottom}. */
export interface StickToBottom {
  /** The scrolling element. */
  scrollRef: RefObject<HTMLDivElement | null>;
  /** The element whose growth is followed (the conversation inside the scroller). */
  contentRef: RefObject<HTMLDivElement | null>;
  /** Whether the reader is at the bottom (and so the view follows new text). */
  atBottom: boolean;
  /** Scrolls to the newest message and follows new text again. */
  jumpToLatest(behavior?: ScrollBehavior): void;
}

/**
 * Keeps a scrolling conversation at its end while the reader is there, and leaves it alone as
 * soon as they scroll up: text that keeps arriving never pulls them back down. Only the reader
 * scrolls up (the page scrolls only down), so any upward move lets go of the bottom.
 */
export function useStickToBottom(): StickToBottom {
  const scrollRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const stuck = useRef(true);
  const lastTop = useRef(0);
  const [atBottom, setAtBottom] = useState(true);

  const follow = useCallback(() => {
    const scroller = scrollRef.current;
    if (scroller === null || !stuck.current) return;
    scroller.scrollTop = scroller.scrollHeight;
    lastTop.current = scroller.scrollTop;
  }, []);

  useEffect(() => {
    const scroller = scrollRef.current;
    const content = contentRef.current;
    if (scroller === null || content === null) return;
    const onScroll = () => {
      const distance = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
      if (scroller.scrollTop < lastTop.current - 1) stuck.current = false;
      if (distance <= BOTTOM_SLACK) stuck.current = true;
      lastTop.current = scroller.scrollTop;
      setAtBottom(stuck.current);
    };
    // A wheel or touch upwards lets go at once, before the browser's scroll event arrives.
    const onWheel = (event: WheelEvent) => {
      if (event.deltaY < 0) {
        stuck.current = false;
        setAtBottom(false);
      }
    };
    const observer = new ResizeObserver(follow);
    observer.observe(content);
    observer.observe(scroller);
    scroller.addEventListener('scroll', onScroll, { passive: true });
    scroller.addEventListener('wheel', onWheel, { passive: true });
    return () => {
      observer.disconnect();
      scroller.removeEventListener('scroll', onScroll);
      scroller.removeEventListener('wheel', onWheel);
    };
  }, [follow]);

  const jumpToLatest = useCallback((behavior: ScrollBehavior = 'smooth') => {
    const scroller = scrollRef.current;
    stuck.current = true;
    setAtBottom(true);
    scroller?.scrollTo({ top: scroller.scrollHeight, behavior });
  }, []);

  return { scrollRef, contentRef, atBottom, jumpToLatest };
}
