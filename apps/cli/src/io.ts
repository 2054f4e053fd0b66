/** Output sinks: stdout is a command's result (JSON for scripts), stderr everything else. */
export interface CommandIo {
	out: (text: string) => void;
	err: (text: string) => void;
}

export const processIo: CommandIo = {
	out: (text) => process.stdout.write(text),
	err: (text) => process.stderr.write(text)
};
