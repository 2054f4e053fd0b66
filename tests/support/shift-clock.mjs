// Preloaded (node --import) into a test's server process: a clock the test can move forward.
// Each SIGUSR2 moves every reading of the process's clock (Date.now() and new Date()) on by
// PLANBOARD_TEST_CLOCK_STEP_MS, so a test can make the server's own time pass (a report sent
// after its round's due day) without a hook in the product. Timers are not affected.
const RealDate = globalThis.Date;
const step = Number(process.env.PLANBOARD_TEST_CLOCK_STEP_MS ?? '0');
let offset = 0;

class ShiftedDate extends RealDate {
	constructor(...args) {
		if (args.length === 0) super(RealDate.now() + offset);
		else super(...args);
	}

	static now() {
		return RealDate.now() + offset;
	}
}

globalThis.Date = ShiftedDate;
process.on('SIGUSR2', () => {
	offset += step;
	console.log(JSON.stringify({ event: 'test.clock_moved', offsetMs: offset }));
});
