/**
 * The service worker's side of the page: whether a new build is installed and waiting, and
 * whether the browser is offline. `apply()` lets the waiting worker take over and reloads once it
 * has (the reload happens on `controllerchange`, so the new page is served by the new worker).
 */
export class SwUpdate {
	/** A new version is installed and waits for the user to reload. */
	waiting = $state(false);
	offline = $state(false);
	#reg: ServiceWorkerRegistration | null = null;

	/** Start watching; returns the cleanup for an `$effect`. */
	watch(): () => void {
		const online = () => (this.offline = !navigator.onLine);
		online();
		addEventListener('online', online);
		addEventListener('offline', online);
		const sw = 'serviceWorker' in navigator ? navigator.serviceWorker : null;
		let reloading = false;
		const onchange = () => {
			if (!reloading && this.#wantReload) {
				reloading = true;
				location.reload();
			}
		};
		sw?.addEventListener('controllerchange', onchange);
		sw?.getRegistration().then((reg) => {
			if (!reg) return;
			this.#reg = reg;
			// A worker already waiting from an earlier visit, only if this page has one in control
			// (the very first install has nothing to update).
			if (reg.waiting && sw.controller) this.waiting = true;
			reg.addEventListener('updatefound', () => {
				const next = reg.installing;
				next?.addEventListener('statechange', () => {
					if (next.state === 'installed' && sw.controller) this.waiting = true;
				});
			});
		});
		return () => {
			removeEventListener('online', online);
			removeEventListener('offline', online);
			sw?.removeEventListener('controllerchange', onchange);
		};
	}

	#wantReload = false;

	/** Let the waiting version take over; the page reloads when it has. */
	apply() {
		const next = this.#reg?.waiting;
		if (!next) return location.reload();
		this.#wantReload = true;
		next.postMessage({ type: 'SKIP_WAITING' });
	}
}
