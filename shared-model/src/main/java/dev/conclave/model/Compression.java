package dev.conclave.model;

/**
 * What context compression did to the files the digest quotes, measured with the tokenizer.
 *
 * @param tokensBefore the selected files as they were
 * @param tokensAfter  as the digest quotes them (whitespace and comments stripped, repetition
 *                     collapsed, truncated with visible markers)
 * @param budget       the token budget they had to fit; 0 when none was set
 */
public record Compression(long tokensBefore, long tokensAfter, long budget) {
    public static final Compression NONE = new Compression(0, 0, 0);

    /** The share of tokens saved, 0 to 1. */
    public double reduction() {
        return tokensBefore == 0 ? 0 : 1.0 - (double) tokensAfter / tokensBefore;
    }
}
