package dev.conclave.gateway.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read through it and hands each new total to a check that may refuse it by throwing. */
final class CountingInputStream extends FilterInputStream {
    private final Check check;
    private long count;

    /** Refuses a total read by throwing (an IOException where the reader must see one, e.g. JGit's transport). */
    @FunctionalInterface
    interface Check {
        void accept(long total) throws IOException;
    }

    CountingInputStream(InputStream in, Check check) {
        super(in);
        this.check = check;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Reading instead of skipping keeps every byte counted.
        byte[] buffer = new byte[(int) Math.min(n, 8192)];
        int read = read(buffer, 0, buffer.length);
        return Math.max(read, 0);
    }

    private void counted(int n) throws IOException {
        count += n;
        check.accept(count);
    }
}
