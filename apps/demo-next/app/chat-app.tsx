'use client';

import dynamic from 'next/dynamic';

/**
 * demo-web's chat page, rendered in the browser only: its first render reads the saved
 * conversations from `localStorage`, which a server render cannot see, so the two would differ.
 */
export const ChatApp = dynamic(() => import('demo-web/app').then((module) => module.App), {
  ssr: false,
});
