/**
 * `--name value` and `--flag` options after positional arguments; unknown options are errors.
 * A `lists` option may be given several times (`--successor a --successor b`); the others keep
 * their last value.
 */
export function parseArgs(
	args: string[],
	spec: { values?: string[]; flags?: string[]; lists?: string[] }
): {
	positional: string[];
	values: Map<string, string>;
	flags: Set<string>;
	lists: Map<string, string[]>;
} {
	const positional: string[] = [];
	const values = new Map<string, string>();
	const flags = new Set<string>();
	const lists = new Map<string, string[]>();
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (!arg.startsWith('--')) {
			positional.push(arg);
			continue;
		}
		const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
		if (spec.flags?.includes(name)) {
			flags.add(name);
		} else if (spec.values?.includes(name) || spec.lists?.includes(name)) {
			const value = inline ?? args[++i];
			if (value === undefined) throw new UsageError(`--${name} needs a value`);
			if (spec.lists?.includes(name)) lists.set(name, [...(lists.get(name) ?? []), value]);
			else values.set(name, value);
		} else {
			throw new UsageError(`unknown option --${name}`);
		}
	}
	return { positional, values, flags, lists };
}

/** A mistake in how the command was called: exit 2 with the message. */
export class UsageError extends Error {}
