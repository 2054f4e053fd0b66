import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { demoRefusal, envConfig, initialAdmin } from '@planboard/config';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';

/**
 * The deployment files (docker/) cannot be built here, since no Docker engine runs on these
 * machines: this reads them and checks what the README and issue 19 promise of them.
 */
const root = fileURLToPath(new URL('../', import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');

interface Service {
	build?: { context: string; dockerfile: string };
	image?: string;
	command?: string[];
	environment?: Record<string, string>;
	depends_on?: Record<string, { condition: string }>;
	healthcheck?: { test: string[] };
	volumes?: string[];
	ports?: string[];
}
// Merge keys (<<) as Compose reads them.
const compose = YAML.parse(read('docker/compose.yaml'), { merge: true }) as {
	services: Record<string, Service>;
};
const services = Object.entries(compose.services);
const planboardServers = services.filter(
	([, s]) =>
		s.build?.dockerfile === 'docker/Dockerfile' && s.command?.includes('apps/web/dist/main.js')
);

/** The Dockerfile's stages: instructions with their continuation lines joined, comments left out. */
function dockerfileStages(text: string): { name: string; from: string; lines: string[] }[] {
	const instructions = text
		.replace(/\\\n/g, ' ')
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line && !line.startsWith('#'));
	const stages: { name: string; from: string; lines: string[] }[] = [];
	for (const line of instructions) {
		const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
		if (from) stages.push({ from: from[1], name: from[2] ?? `#${stages.length}`, lines: [] });
		else stages.at(-1)?.lines.push(line);
	}
	return stages;
}

/** The environment variables packages/config reads when given `env`. */
function readByConfig(env: Record<string, string>): Set<string> {
	const names = new Set<string>();
	const recording = new Proxy(env, {
		get(target, key) {
			if (typeof key !== 'string') return undefined;
			names.add(key);
			return target[key];
		}
	});
	demoRefusal(envConfig(recording), recording);
	initialAdmin(recording);
	return names;
}

/** Compose's ${NAME:-default} and ${NAME:?message} as `docker compose` fills them, with "x". */
const interpolated = (value: string) =>
	value.replace(/\$\{([A-Z_]+)(?::-([^}]*)|:\?[^}]*)?\}/g, (_, _name, fallback) => fallback || 'x');

describe('docker/compose.yaml', () => {
	it('runs two Planboard servers from the Dockerfile behind Caddy, which spreads over both', () => {
		expect(planboardServers.map(([name]) => name)).toHaveLength(2);
		const [proxyName, proxy] = services.find(([, s]) => s.image?.startsWith('caddy:'))!;
		expect(proxy.volumes).toContain('./Caddyfile:/etc/caddy/Caddyfile:ro');
		expect(proxy.ports?.length).toBeGreaterThan(0);
		const caddyfile = read('docker/Caddyfile');
		const upstreams = /reverse_proxy\s+([^{]+)\{/.exec(caddyfile)?.[1].trim().split(/\s+/);
		expect(upstreams?.sort()).toEqual(planboardServers.map(([name]) => `${name}:3000`).sort());
		expect(caddyfile).toMatch(/lb_policy\s+least_conn/);
		expect(caddyfile).toMatch(/health_uri\s+\/healthz/);
		for (const [name] of planboardServers)
			expect(proxy.depends_on?.[name], proxyName).toEqual({ condition: 'service_healthy' });
	});

	it('starts the servers after PostgreSQL and Redis are healthy and init has finished', () => {
		const postgres = compose.services.postgres;
		const redis = compose.services.redis;
		expect(postgres.image).toMatch(/^postgres:/);
		expect(redis.image).toMatch(/^redis:/);
		expect(postgres.healthcheck?.test).toContain('pg_isready');
		expect(redis.healthcheck?.test).toContain('ping');
		const init = compose.services.init;
		expect(init.command).toEqual(['node', 'apps/cli/dist/main.js', 'init']);
		for (const [name, server] of planboardServers) {
			expect(server.depends_on, name).toEqual({
				init: { condition: 'service_completed_successfully' },
				postgres: { condition: 'service_healthy' },
				redis: { condition: 'service_healthy' }
			});
			const env = server.environment ?? {};
			expect(new URL(interpolated(env.PLANBOARD_DATABASE_URL)).host).toBe('postgres:5432');
			expect(new URL(interpolated(env.PLANBOARD_REDIS_URL)).host).toBe('redis:6379');
			// The first administrator comes from init only; demo accounts never exist here.
			expect(env.PLANBOARD_DEMO).toBe('0');
			expect(env.PLANBOARD_ADMIN_PASSWORD).toBeUndefined();
		}
		expect(init.environment?.PLANBOARD_ADMIN_PASSWORD).toMatch(/^\$\{PLANBOARD_ADMIN_PASSWORD:\?/);
	});

	it('passes the Planboard services only variables packages/config reads', () => {
		for (const [name, service] of [...planboardServers, ['init', compose.services.init] as const]) {
			const env = Object.fromEntries(
				Object.entries(service.environment ?? {}).map(([k, v]) => [k, interpolated(v)])
			);
			const read = readByConfig(env);
			expect(
				Object.keys(env).filter((key) => !read.has(key)),
				name
			).toEqual([]);
		}
	});
});

describe('docker/Dockerfile', () => {
	const stages = dockerfileStages(read('docker/Dockerfile'));
	const final = stages.at(-1)!;
	const stage = (name: string) => stages.find((s) => s.name === name)!;

	it('builds in stages, leaving compilers and dev dependencies out of the final image', () => {
		const copies = final.lines.filter((l) => l.startsWith('COPY'));
		const sources = copies.map((l) => /--from=(\S+)/.exec(l)?.[1]);
		// Everything in the final image comes from an earlier stage, nothing from the context.
		expect(sources.every((from) => from !== undefined)).toBe(true);
		expect(final.lines.some((l) => /\b(g\+\+|make|python3|pnpm|npm install)\b/.test(l))).toBe(
			false
		);
		// node_modules only from the stage that installed production dependencies...
		const deps = stage(sources.find((from) => from === 'deps')!);
		expect(deps.lines).toContain('RUN pnpm install --frozen-lockfile --prod');
		// ...and from the build stage only the built output, gathered away from its node_modules.
		const fromBuild = copies.filter((l) => l.includes('--from=build'));
		expect(fromBuild).toEqual(['COPY --from=build /built/ ./']);
		const gather = stage('build').lines.find((l) => l.includes('/built/'))!;
		expect(gather).not.toMatch(/node_modules/);
		expect(gather).toMatch(/apps\/web\/build/);
		// The base of the final image is Node alone, not a stage with the toolchain.
		expect(stages.map((s) => s.name)).not.toContain(final.from);
	});

	it('runs as a non-root user with its data in a volume and a HEALTHCHECK on /healthz', () => {
		const user = final.lines.filter((l) => l.startsWith('USER ')).at(-1);
		expect(user).toBeDefined();
		expect(user).not.toMatch(/^USER\s+(root|0)(:|$)/);
		expect(final.lines).toContain('VOLUME /data');
		expect(final.lines.find((l) => l.startsWith('ENV '))).toMatch(/PLANBOARD_DATA=\/data/);
		const health = final.lines.find((l) => l.startsWith('HEALTHCHECK'));
		expect(health).toMatch(/\/healthz/);
		expect(health).toMatch(/CMD \["node"/);
		expect(health).not.toMatch(/curl|wget/);
	});
});

describe('.dockerignore', () => {
	it('keeps dependencies, data, local tools and history out of the build context', () => {
		const entries = read('.dockerignore')
			.split('\n')
			.map((l) => l.trim())
			.filter((l) => l && !l.startsWith('#'));
		for (const entry of ['**/node_modules', 'data', '.tools', '.tmp', '.git', '**/*.db'])
			expect(entries).toContain(entry);
	});
});
