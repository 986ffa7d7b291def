/**
 * Turns an upload ({@link dev.conclave.gateway.intake.ProjectSource}) into a project directory the
 * scanner can read ({@link dev.conclave.gateway.intake.ProjectIntake}): a {@code .zip} or {@code .tar.gz}
 * archive ({@link dev.conclave.gateway.intake.ArchiveExtractor}) or a shallow fetch of a git
 * repository ({@link dev.conclave.gateway.intake.GitCheckout}). Both write through one
 * {@link dev.conclave.gateway.intake.ProjectTree}, which counts every entry and byte against the
 * {@code conclave.intake.*} limits as it is written, never trusting sizes an archive declares, never
 * creating a link, and deleting everything afterwards. Nothing here stores or publishes; a refusal
 * is an {@link dev.conclave.gateway.service.InvalidScanException}. Blocking I/O on the caller's
 * worker thread, like the rest of the gateway.
 */
package dev.conclave.gateway.intake;
