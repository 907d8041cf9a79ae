'use client';

import dynamic from 'next/dynamic';

/**
 * demo-web's chat page. It reads the saved conversations from `localStorage` as it first
 * renders, so it renders in the browser only.
 */
export const ChatApp = dynamic(() => import('demo-web/app').then((module) => module.App), {
  ssr: false,
});
