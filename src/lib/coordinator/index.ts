export { Coordinator, type Clients, type OpenOptions } from './coordinator.svelte';
export { Resource } from './resource.svelte';
export {
	FIRST,
	THEN,
	LAST,
	panel,
	type PanelSpec,
	type PanelSet,
	type PanelData,
	type PanelCtx,
	type Shared
} from './panel';
