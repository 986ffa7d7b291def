package dev.conclave.cli;

/** What the command line asks for, once it has been understood. */
public sealed interface Invocation {

    /** {@code conclave --help} or {@code conclave scan --help}. */
    record Help() implements Invocation {
    }

    /** {@code conclave scan <directory> ...}. */
    record Scan(ScanOptions options) implements Invocation {
    }

    /** {@code conclave runs ...}: the runs of one scan. */
    record Runs(java.util.List<String> args) implements Invocation {
    }

    /** {@code conclave dead-letters list|show|redrive|purge ...}. */
    record DeadLetters(DeadLettersOptions options) implements Invocation {
    }

    /** {@code conclave replay ...}. */
    record Replay(ReplayOptions options) implements Invocation {
    }

    /** {@code conclave cancel <scan-id> [--run N]}. */
    record Cancel(CancelOptions options) implements Invocation {
    }

    /** {@code conclave keys create|list|revoke ...}. */
    record Keys(KeysOptions options) implements Invocation {
    }
}
