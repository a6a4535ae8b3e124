import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { notesPlugin } from './src/vite/notesPlugin.ts';

export default defineConfig({
  // Relative asset URLs: the static build works from any folder of any host.
  base: './',
  plugins: [react(), notesPlugin({ notesDir: process.env.NOTES_DIR ?? 'notes' })],
  build: { outDir: process.env.ATLAS_OUT_DIR ?? 'dist', chunkSizeWarningLimit: 1500 },
  server: { port: 5173 },
  preview: { port: 4173 },
});
