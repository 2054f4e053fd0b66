import { agencyKey } from './fold.js';
import type { AgencyDirectory, AgencyRef, DirectoryAgency, DirectoryGroup } from './types.js';

type Entry = { agency: DirectoryAgency } | { group: DirectoryGroup } | null;

interface DirectoryIndex {
	exact: Map<string, Entry>;
	loose: Map<string, Entry>;
}

const SUFFIXES = [
	' co lien quan',
	' lien quan',
	' hoat dong tren dia ban tinh',
	' tren dia ban tinh',
	' tren dia ban',
	' thuoc tinh',
	' cua tinh',
	' tinh'
];

/** Drops what varies between mentions of one body: "Đề nghị", province name, "trên địa bàn tỉnh". */
function looseKey(key: string, province: string): string {
	let k = key.replace(/^de nghi /, '');
	if (province !== '' && k.endsWith(` ${province}`)) k = k.slice(0, -province.length - 1);
	for (let changed = true; changed; ) {
		changed = false;
		for (const suffix of SUFFIXES) {
			if (k.endsWith(suffix) && k.length > suffix.length + 3) {
				k = k.slice(0, -suffix.length);
				changed = true;
			}
		}
	}
	return k;
}

const indexes = new WeakMap<AgencyDirectory, DirectoryIndex>();

function put(map: Map<string, Entry>, key: string, entry: Entry, sameEntry: (e: Entry) => boolean) {
	const existing = map.get(key);
	// A key two different bodies share resolves to neither: a wrong match is worse than none.
	map.set(key, existing === undefined || sameEntry(existing) ? entry : null);
}

function indexOf(directory: AgencyDirectory): DirectoryIndex {
	let index = indexes.get(directory);
	if (index) return index;
	index = { exact: new Map(), loose: new Map() };
	const province = agencyKey(directory.province ?? '');
	const add = (names: string[], entry: Entry, same: (e: Entry) => boolean) => {
		for (const name of names) {
			const key = agencyKey(name);
			if (key === '') continue;
			put(index.exact, key, entry, same);
			put(index.loose, looseKey(key, province), entry, same);
		}
	};
	for (const agency of directory.agencies ?? []) {
		const names = [agency.name, agency.shortName, ...(agency.aliases ?? [])];
		add(names, { agency }, (e) => e !== null && 'agency' in e && e.agency === agency);
	}
	for (const group of directory.groups ?? []) {
		add(
			[group.name, ...(group.aliases ?? [])],
			{ group },
			(e) => e !== null && 'group' in e && e.group === group
		);
	}
	indexes.set(directory, index);
	return index;
}

/**
 * Resolves one mention against the directory, ignoring case, diacritics, spacing, tone
 * placement, parentheses and the province name. Unknown mentions come back with null ids.
 */
export function matchAgency(directory: AgencyDirectory, text: string): AgencyRef {
	const ref: AgencyRef = { text, agencyId: null, groupId: null, memberIds: [] };
	const index = indexOf(directory);
	const key = agencyKey(text.replace(/\([^()]*\)/g, ' '));
	const entry =
		index.exact.get(key) ?? index.loose.get(looseKey(key, agencyKey(directory.province ?? '')));
	if (entry && 'agency' in entry) ref.agencyId = entry.agency.id;
	if (entry && 'group' in entry) {
		ref.groupId = entry.group.id;
		ref.memberIds = [...entry.group.members];
	}
	return ref;
}

/** The canonical name for a resolved mention, or the mention as written. */
export function displayName(directory: AgencyDirectory | undefined, ref: AgencyRef): string {
	if (ref.agencyId !== null)
		return directory?.agencies.find((a) => a.id === ref.agencyId)?.name ?? ref.text;
	if (ref.groupId !== null)
		return directory?.groups.find((g) => g.id === ref.groupId)?.name ?? ref.text;
	return ref.text;
}
