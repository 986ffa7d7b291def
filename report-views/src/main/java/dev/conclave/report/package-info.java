/**
 * A scan's report as people read it: {@link dev.conclave.report.ReportView} is what each section shows,
 * built once from the report document the gateway serves; {@link dev.conclave.report.ReportTemplates}
 * renders it with Qute, as one self-contained HTML page ({@code templates/report/page.html}, its body in
 * {@code sections.html}) or as Markdown ({@code templates/report/report.md}). Every text of a report is
 * model output or a name from the scanned project, so the engine escapes each one for the template's
 * format.
 *
 * <p>Plain Java and Qute's core as a library, no CDI: the CLI renders with it, and the gateway's console
 * can too. Stateless apart from the parsed templates, so one {@code ReportTemplates} serves every thread.
 */
package dev.conclave.report;
