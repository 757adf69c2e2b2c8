package runtime

// The scheduler's stress mode (docs/design.md, "Scheduler stress mode"):
// with a seed from the host (gowasm-run --sched-stress, or
// GOWASM_SCHED_STRESS), the scheduler perturbs the order in which
// goroutines run the way a loaded machine or a multi-core scheduler could,
// so that a program (or this runtime) that depends on one particular
// interleaving fails in tests rather than in production:
//   - the next goroutine is chosen at random among the first runnable ones;
//   - channel operations, select and contended locks yield to other
//     goroutines at random;
//   - due timers and host events are taken up at random between
//     goroutines, not only every 64 switches;
//   - the clock jumps ahead by random amounts at timer checks, as when the
//     process was not scheduled for a while (so timers come due between
//     their creation and the goroutine parking on them).
// The seed also seeds select's random choice. Every choice comes from it,
// so a seed replays the same choices (the real clock still varies).
//
// The host is asked once, when the program first starts a goroutine or
// uses a channel, lock or timer: a program that does none of these does
// not carry the stress code.

var (
	stressAsked bool
	stressing   bool
	// runqStress chooses the next goroutine in stress mode.
	runqStress func() *g
	// clockSkew is how far the clock has jumped ahead of the host's.
	clockSkew int64
	// stressStart is the host's monotonic clock when stress mode began:
	// jumps keep the program's clock within twice the real elapsed time.
	stressStart int64
)

//go:wasmimport gowasm sched_stress
func hostSchedStress() int64

// stressOn reports whether the stress mode is on.
func stressOn() bool {
	if !stressAsked {
		stressAsk()
	}
	return stressing
}

func stressAsk() {
	stressAsked = true
	if seed := hostSchedStress(); seed != 0 {
		stressing = true
		randState = uint64(seed)
		stressStart = hostClockNow(1)
		runqStress = stressRunqget
	}
}

// stressWindow is how many goroutines at the head of the run queue the
// scheduler chooses among (a bounded walk: 100 000 runnable goroutines
// must not make each choice slow).
const stressWindow = 8

// stressRunqget takes up due timers and host events now and then, and
// takes one of the oldest runnable goroutines at random.
func stressRunqget() *g {
	if rand()%4 == 0 {
		pollEvents(false)
	}
	if runqlen <= 1 {
		return runqtake(0)
	}
	return runqtake(int(rand() % uint64(min(runqlen, stressWindow))))
}

// stressYield lets other goroutines run first, at random, when the caller
// is a goroutine (not the scheduler running a timer's function).
func stressYield() {
	if curg != nil && rand()%4 == 0 {
		Gosched()
	}
}

// stressFireTimers is fireTimers after a random clock jump.
func stressFireTimers(now int64) (next int64, ok bool) {
	if rand()%8 == 0 {
		// Up to 4 ms, as long as the program's clock stays within twice
		// the real elapsed time.
		jump := int64(rand() % 4e6)
		if clockSkew+jump <= now-clockSkew-stressStart {
			clockSkew += jump
			now += jump
		}
	}
	return fireTimers(now)
}
