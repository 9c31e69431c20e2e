package io.squeaky.jobs;

/** The launcher's exit codes, the same for every job, so scripts can tell mistakes apart. */
final class ExitCodes {

    /** A mistake in the command line or a path it names: nothing ran. */
    static final int USAGE = 2;

    /** The job ran, but its input was not what the options said: nothing (or little) accepted. */
    static final int INPUT_MISMATCH = 3;

    /** Stopped by a signal before the job could finish or take a savepoint. */
    static final int INTERRUPTED = 130;

    private ExitCodes() {}
}
