/** Typed context for the app state, created once in the root layout. */
import { createContext } from 'svelte';
import type { AppState } from './app.svelte';

export const [getAppState, setAppState] = createContext<AppState>();
