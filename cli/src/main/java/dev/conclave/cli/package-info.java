/**
 * The {@code conclave} command: scans a directory into a digest, submits it to the gateway,
 * follows the scan until it is final, then prints a summary and saves the report: as JSON and
 * Markdown by default, or in the files {@code --out} names, by extension ({@link dev.conclave.cli.ReportFormat}):
 * {@code .json}, {@code .md}, or {@code .html}, one self-contained page with SVG charts; both
 * renderings are the templates of {@code report-views} ({@link dev.conclave.report.ReportTemplates}).
 *
 * <p>Plain Java, no framework: {@link java.net.http.HttpClient} for the gateway and Jackson
 * through {@link dev.conclave.model.WireJson}, so the CLI reads and writes exactly the shapes the
 * services do. Single-threaded: a command waits for one scan, so a plain poll loop on the main
 * thread is all the concurrency it needs.
 *
 * <p>Where a scan enters: {@link dev.conclave.cli.ConclaveCommand} reads the command line with picocli
 * (one command tree, which also generates each command's help and the bash completion script);
 * {@code ScanCli} checks scan's options into a {@link dev.conclave.cli.ScanOptions} and hands it
 * to {@code ScanCommand}, which runs the flow.
 */
package dev.conclave.cli;
