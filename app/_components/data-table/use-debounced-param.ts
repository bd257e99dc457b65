'use client';

import { useEffect, useState } from 'react';

/**
 * Text typed into a filter that goes to the URL once typing pauses. The URL's value comes back
 * from the server; when it changes for another reason (reset, back button) the text follows it,
 * but the echo of what was typed never overwrites newer typing.
 */
export function useDebouncedParam(value: string, commit: (next: string) => void, delayMs: number, normalize: (text: string) => string = (t) => t) {
  const [text, setText] = useState(value);
  const [sent, setSent] = useState(value);
  const [seen, setSeen] = useState(value);

  if (value !== seen) {
    setSeen(value);
    if (value !== sent) {
      setSent(value);
      setText(value);
    }
  }

  const send = (next: string) => {
    setSent(next);
    commit(next);
  };

  useEffect(() => {
    const next = normalize(text);
    if (next === sent) return;
    const timer = setTimeout(() => {
      setSent(next);
      commit(next);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [text, sent, commit, delayMs, normalize]);

  return { text, setText, flush: () => normalize(text) !== sent && send(normalize(text)) };
}
