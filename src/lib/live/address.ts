/** A Pi address as typed by the operator (`host:port`, `http://host:port/…`) → its endpoints. */
export interface PiAddress {
	/** Canonical `host:port`. */
	hostPort: string;
	http: string;
	ws: string;
}

/** Parse an address; null when it is not a usable host[:port]. Port defaults to 8000 (the Pi's). */
export function parsePiAddress(input: string): PiAddress | null {
	const s = input.trim();
	if (!s) return null;
	let u: URL;
	try {
		u = new URL(/^[a-z]+:\/\//i.test(s) ? s.replace(/^ws/i, 'http') : `http://${s}`);
	} catch {
		return null;
	}
	if (!u.hostname) return null;
	const secure = u.protocol === 'https:';
	const hostPort = `${u.hostname.includes(':') ? `[${u.hostname}]` : u.hostname}:${u.port || (secure ? '443' : '8000')}`;
	return {
		hostPort,
		http: `${secure ? 'https' : 'http'}://${hostPort}`,
		ws: `${secure ? 'wss' : 'ws'}://${hostPort}/ws`
	};
}
