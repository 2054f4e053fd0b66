import type { User } from '@planboard/store';

declare global {
	namespace App {
		interface Locals {
			user: User | null;
			sessionId: string | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
